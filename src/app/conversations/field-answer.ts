/**
 * Reads a typed answer to one question ("What is your order number?" → "12345"). The
 * entity extractors need context words ("order 12345"); an answer to a question does not,
 * so a bare token of the right shape counts here.
 */
import { extractEntities, normalizePhone } from '../../core/signals/extract-entities.ts';

const SKIP =
  /^(skip|no|nope|n\/a|pass|omitir|saltar|überspringen|weiter|passer|pular|não|non|nein)\b/i;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/;
const TOKEN_WITH_DIGIT = /#?\b([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)\b/i;

export function isSkip(text: string): boolean {
  return SKIP.test(text.trim());
}

export function readEmail(text: string): string | null {
  return EMAIL.exec(text)?.[0] ?? null;
}

export function readPhone(text: string): string | null {
  const found = extractEntities(text).phone;
  if (found) return found;
  const candidate = /[+(]?\d[\d\s().-]{5,}\d/.exec(text)?.[0];
  const phone = candidate ? normalizePhone(candidate) : null;
  // Without a country code a number cannot be dialled from a call centre abroad.
  return phone && phone.startsWith('+') ? phone : phone && phone.startsWith('0') ? phone : null;
}

/** The field's value in a typed answer, or null when it does not contain one. */
export function readFieldAnswer(field: string, text: string): string | null {
  const entities = extractEntities(text);
  switch (field) {
    case 'email':
      return readEmail(text);
    case 'phone':
      return readPhone(text);
    case 'order_id':
      return entities.order_id ?? TOKEN_WITH_DIGIT.exec(text)?.[1] ?? null;
    case 'account_id':
      return entities.account_id ?? TOKEN_WITH_DIGIT.exec(text)?.[1]?.toUpperCase() ?? null;
    case 'amount': {
      const amount = entities.amounts[0];
      return amount ? `${amount.value} ${amount.currency}` : null;
    }
    default: {
      const trimmed = text.trim();
      return trimmed.length > 0 && trimmed.length <= 200 ? trimmed : null;
    }
  }
}
