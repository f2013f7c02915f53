/**
 * The widget's optional pre-chat form: which fields a visitor is asked, and what their answers
 * become. name, email and phone are claims on the customer record, the rest are collected
 * fields for the handoff packet. Nothing here verifies anyone: the answers are a browser's
 * word, stored on a record marked `verified: false` as every unsigned claim is
 * (identity-verification.ts). A signed visitor is not asked what the signature already says.
 */
import { isDeliverableEmail, phoneIdentity } from './customer-identity.ts';

export type PreChatFieldType = 'text' | 'email' | 'tel';

export interface PreChatFieldConfig {
  readonly key: string;
  readonly label?: Readonly<Record<string, string>> | undefined;
  readonly required: boolean;
  readonly type?: PreChatFieldType | undefined;
}

/** A field as the widget draws it; `label` only for keys the widget's catalogue lacks. */
export interface PreChatFieldView {
  readonly key: string;
  readonly type: PreChatFieldType;
  readonly required: boolean;
  readonly label?: string;
}

export type PreChatProblem = 'required' | 'invalid_email' | 'invalid_phone' | 'too_long';

export type PreChatAnswers =
  | {
      readonly ok: true;
      /** name, email, phone: merged into the customer record. */
      readonly claims: Readonly<Record<string, string>>;
      /** Every other answer: the handoff packet's `fields`. */
      readonly fields: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly problems: readonly { key: string; problem: PreChatProblem }[] };

const CLAIM_KEYS = new Set(['name', 'email', 'phone']);
const BUILT_IN_LABELS = new Set(['name', 'email', 'phone', 'order_id']);
const MAX_ANSWER = 200;

export function preChatFieldType(field: PreChatFieldConfig): PreChatFieldType {
  if (field.type) return field.type;
  return field.key === 'email' ? 'email' : field.key === 'phone' ? 'tel' : 'text';
}

/** The fields a visitor is shown: those the signed identity already answers are left out. */
export function preChatFieldsFor(
  fields: readonly PreChatFieldConfig[],
  language: string,
  known: Readonly<Record<string, unknown>> = {},
): PreChatFieldView[] {
  return fields
    .filter((field) => !alreadyKnown(field.key, known))
    .map((field) => {
      const label = BUILT_IN_LABELS.has(field.key) ? undefined : labelFor(field, language);
      return {
        key: field.key,
        type: preChatFieldType(field),
        required: field.required,
        ...(label ? { label } : {}),
      };
    });
}

/**
 * Checks the answers against the form. `customer` is the verified (or not) record: a signed
 * visitor's own name or email is neither asked nor overwritten.
 */
export function checkPreChatAnswers(
  fields: readonly PreChatFieldConfig[],
  answers: Readonly<Record<string, unknown>>,
  customer: Readonly<Record<string, unknown>>,
): PreChatAnswers {
  const verified = customer.verified === true;
  const problems: { key: string; problem: PreChatProblem }[] = [];
  const claims: Record<string, string> = {};
  const collected: Record<string, string> = {};
  for (const field of fields) {
    if (verified && alreadyKnown(field.key, customer)) continue;
    const raw = answers[field.key];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
      if (field.required) problems.push({ key: field.key, problem: 'required' });
      continue;
    }
    const problem = problemOf(preChatFieldType(field), value);
    if (problem) {
      problems.push({ key: field.key, problem });
      continue;
    }
    if (CLAIM_KEYS.has(field.key)) claims[field.key] = value;
    else collected[field.key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, claims, fields: collected };
}

function problemOf(type: PreChatFieldType, value: string): PreChatProblem | null {
  if (value.length > MAX_ANSWER) return 'too_long';
  if (type === 'email' && !isDeliverableEmail(value)) return 'invalid_email';
  if (type === 'tel' && phoneIdentity(value) === null) return 'invalid_phone';
  return null;
}

function alreadyKnown(key: string, known: Readonly<Record<string, unknown>>): boolean {
  return CLAIM_KEYS.has(key) && typeof known[key] === 'string' && known[key] !== '';
}

/** The label in the language, its base language, English, or any, in that order. */
function labelFor(field: PreChatFieldConfig, language: string): string {
  const labels = field.label ?? {};
  const base = language.split('-')[0] ?? language;
  return labels[language] ?? labels[base] ?? labels.en ?? Object.values(labels)[0] ?? field.key;
}
