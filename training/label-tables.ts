// How each public dataset's intents map to the classifier's labels and queues. Written out as
// tables so a reviewer can check every mapping; an intent missing from a table is a row with
// no label (the bot keeps it) and no queue. `null` labels = unscored (masked in training).
import type { ClassifierLabel, ClassifierQueue } from '../src/core/classify/model.ts';

export interface IntentMapping {
  labels: ClassifierLabel[] | null;
  /** null: no topic; undefined: not taught (the intent spans queues). */
  queue: ClassifierQueue | null | undefined;
}

const m = (
  labels: ClassifierLabel[] | null,
  queue: ClassifierQueue | null | undefined,
): IntentMapping => ({
  labels,
  queue,
});

/** Bitext intents (its SOURCE.md escalation mapping; `payment_issue` is a judgement call). */
export const BITEXT: Record<string, IntentMapping> = {
  contact_human_agent: m(['explicit_request'], null),
  contact_customer_service: m(['explicit_request'], null),
  get_refund: m(['topic_policy'], 'billing'),
  // An order cancellation is a shop's general matter, a subscription's one retention's.
  cancel_order: m(['topic_policy'], undefined),
  delete_account: m(['topic_policy'], 'retention'),
  complaint: m(['topic_policy'], 'general'),
  check_refund_policy: m([], 'billing'),
  track_refund: m([], 'billing'),
  check_invoice: m([], 'billing'),
  get_invoice: m([], 'billing'),
  check_payment_methods: m([], 'billing'),
  payment_issue: m(null, 'billing'),
  check_cancellation_fee: m([], 'retention'),
  recover_password: m([], 'technical'),
  registration_problems: m([], 'technical'),
  create_account: m([], 'general'),
  edit_account: m([], 'general'),
  switch_account: m([], 'general'),
  track_order: m([], 'general'),
  delivery_options: m([], 'general'),
  delivery_period: m([], 'general'),
  place_order: m([], 'general'),
  change_order: m([], 'general'),
  change_shipping_address: m([], 'general'),
  set_up_shipping_address: m([], 'general'),
  newsletter_subscription: m([], 'general'),
  review: m([], 'general'),
};

/**
 * BANKING77: the hand-over and stay labels of its SOURCE.md, plus queues for the rest. Labels
 * not listed are unscored there; we train them as "the bot keeps it" except where the spec
 * says otherwise (a lost or stolen phone is an account-takeover risk).
 */
export const BANKING77: Record<string, IntentMapping> = {
  compromised_card: m(['security'], 'trust_safety'),
  lost_or_stolen_card: m(['security'], 'trust_safety'),
  lost_or_stolen_phone: m(['security'], 'trust_safety'),
  card_payment_not_recognised: m(['security'], 'trust_safety'),
  cash_withdrawal_not_recognised: m(['security'], 'trust_safety'),
  direct_debit_payment_not_recognised: m(['security'], 'trust_safety'),
  transaction_charged_twice: m(['topic_policy'], 'billing'),
  request_refund: m(['topic_policy'], 'billing'),
  terminate_account: m(['topic_policy'], 'retention'),
  Refund_not_showing_up: m([], 'billing'),
  extra_charge_on_statement: m(null, 'billing'),
  card_payment_fee_charged: m([], 'billing'),
  transfer_fee_charged: m([], 'billing'),
  exchange_rate: m([], 'general'),
  pin_blocked: m([], 'technical'),
  passcode_forgotten: m([], 'technical'),
  card_not_working: m([], 'technical'),
  contactless_not_working: m([], 'technical'),
  apple_pay_or_google_pay: m([], 'technical'),
};

/** CLINC150 (train split): in-scope intents are the bot's, except what the spec escalates. */
export const CLINC150: Record<string, IntentMapping> = {
  report_fraud: m(['security'], 'trust_safety'),
  report_lost_card: m(['security'], 'trust_safety'),
  credit_limit_change: m(['approval_required'], 'general'),
  freeze_account: m(null, 'trust_safety'),
  damaged_card: m([], 'general'),
  bill_due: m([], 'billing'),
  pay_bill: m([], 'billing'),
  bill_balance: m([], 'billing'),
  transactions: m([], 'billing'),
  international_fees: m([], 'billing'),
};

/** Mapping of an intent missing from a table: the bot keeps it, no queue. */
export const DEFAULT_MAPPING: IntentMapping = m([], null);
