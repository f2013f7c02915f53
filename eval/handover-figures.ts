// The hand-over targets on data training never saw: BANKING77 test (its SOURCE.md
// hand-over / stay labels), Bitext test split (SOURCE.md mapping), CLINC150 test in-scope.
// Every row is a one-turn transcript through the full policy (rules + classifiers).
import type { Policy } from '../src/core/policy/index.ts';
import { loadBanking77, loadBitext, loadClinc } from './datasets.ts';
import { runRows, type RowOutcome } from './run-rows.ts';

/** BANKING77 SOURCE.md: labels that must hand over, and labels the bot keeps. */
export const BANKING77_HANDOVER = [
  'compromised_card',
  'lost_or_stolen_card',
  'card_payment_not_recognised',
  'cash_withdrawal_not_recognised',
  'direct_debit_payment_not_recognised',
  'transaction_charged_twice',
  'request_refund',
  'terminate_account',
];
export const BANKING77_STAY = [
  'exchange_rate',
  'supported_cards_and_currencies',
  'getting_virtual_card',
  'top_up_limits',
  'card_delivery_estimate',
  'atm_support',
  'country_support',
  'fiat_currency_support',
  'age_limit',
  'order_physical_card',
  'apple_pay_or_google_pay',
  'visa_or_mastercard',
  'disposable_card_limits',
  'get_physical_card',
  'change_pin',
  'receiving_money',
  'top_up_by_card_charge',
  'exchange_via_app',
];

export interface Rate {
  hit: number;
  n: number;
}
export const rate = (xs: readonly RowOutcome[], pred: (o: RowOutcome) => boolean): Rate => ({
  hit: xs.filter(pred).length,
  n: xs.length,
});
export const fmt = (r: Rate) => `${(r.n ? r.hit / r.n : 0).toFixed(3)} (${r.hit}/${r.n})`;

export interface HandoverFigures {
  banking77Recall: Rate;
  banking77FalseHandoffs: Rate;
  bitextExplicitRecall: Rate;
  bitextFalseHandoffs: Rate;
  bitextFalseHandoffsNoW: Rate;
  clincFalseHandoffs: Rate;
  clincWorst: string;
}

export function handoverFigures(policy: Policy): HandoverFigures {
  const b77 = runRows(loadBanking77('test'), policy);
  const bit = runRows(
    loadBitext().filter((r) => r.split === 'test'),
    policy,
  );
  const clinc = runRows(loadClinc().inScope, policy);
  const explicit = bit.filter((o) => o.row.expected?.includes('explicit_request'));
  const mustNot = bit.filter((o) => o.row.expected?.length === 0);
  const byIntent = new Map<string, number>();
  for (const o of clinc)
    if (o.handoff) byIntent.set(o.row.label, (byIntent.get(o.row.label) ?? 0) + 1);
  return {
    banking77Recall: rate(
      b77.filter((o) => BANKING77_HANDOVER.includes(o.row.label)),
      (o) => o.handoff,
    ),
    banking77FalseHandoffs: rate(
      b77.filter((o) => BANKING77_STAY.includes(o.row.label)),
      (o) => o.handoff,
    ),
    bitextExplicitRecall: rate(
      explicit,
      (o) => o.handoff && o.reasons.includes('explicit_request'),
    ),
    bitextFalseHandoffs: rate(mustNot, (o) => o.handoff),
    bitextFalseHandoffsNoW: rate(
      mustNot.filter((o) => !o.row.tags.includes('W')),
      (o) => o.handoff,
    ),
    clincFalseHandoffs: rate(clinc, (o) => o.handoff),
    clincWorst: [...byIntent]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v}/30`)
      .join(', '),
  };
}

export function formatHandover(f: HandoverFigures): string {
  return [
    `  BANKING77 test hand-over recall (target ≥ 0.90): ${fmt(f.banking77Recall)}`,
    `  BANKING77 test false handoffs on stay labels (target ≤ 0.05): ${fmt(f.banking77FalseHandoffs)}`,
    `  Bitext test explicit recall (target ≥ 0.99): ${fmt(f.bitextExplicitRecall)}`,
    `  Bitext test false handoffs, must-not rows (target ≤ 0.03): ${fmt(f.bitextFalseHandoffs)}; without offensive W rows ${fmt(f.bitextFalseHandoffsNoW)}`,
    `  CLINC150 test in-scope false handoffs (target ≤ 0.03): ${fmt(f.clincFalseHandoffs)}; most: ${f.clincWorst || '-'}`,
  ].join('\n');
}
