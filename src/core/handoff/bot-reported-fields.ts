/**
 * The fields a bot says it collected (an external bot's `fields`, an AI agent's handoff
 * fields), as packet fields. A bot that asked for the order number knows it better than a
 * guess from the customer's words, so these beat what was extracted from text; they are shown
 * to the agent and never used for routing. Reports are folded in order, a later value of a key
 * replacing an earlier one; what is not a short string, a finite number or an amount
 * (`{ value, currency }`) is dropped.
 */
import type { FieldValue } from './handoff-packet.ts';

/** Longest value kept, in characters (as the MCP tool allows): a field is not a message. */
export const MAX_FIELD_LENGTH = 500;
/** Most keys kept from all reports together. */
export const MAX_FIELDS = 30;

/** A label of 1 to 64 characters, without control characters. */
function isKey(key: string): boolean {
  const label = key.trim();
  return label.length > 0 && key.length <= 64 && ![...key].some((c) => c < ' ' || c === '\u007f');
}

export function botReportedFields(
  reports: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>,
): Record<string, FieldValue> {
  // A Map, so that a key such as `__proto__` stays a plain key.
  const fields = new Map<string, FieldValue>();
  for (const report of reports) {
    if (!report || typeof report !== 'object') continue;
    for (const [key, raw] of Object.entries(report)) {
      if (!isKey(key)) continue;
      const value = fieldValue(raw);
      if (value === null) continue;
      if (!fields.has(key) && fields.size >= MAX_FIELDS) continue;
      fields.set(key, value);
    }
  }
  return Object.fromEntries(fields);
}

function fieldValue(raw: unknown): FieldValue | null {
  if (typeof raw === 'string') {
    const text = raw.trim();
    return text && text.length <= MAX_FIELD_LENGTH ? text : null;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null;
  if (raw && typeof raw === 'object') {
    const { value, currency } = raw as { value?: unknown; currency?: unknown };
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      typeof currency === 'string' &&
      /^[A-Z]{3}$/.test(currency)
    )
      return { value, currency };
  }
  return null;
}
