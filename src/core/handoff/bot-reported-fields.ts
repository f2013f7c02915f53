/**
 * The fields a bot says it collected (an external bot's `fields`, an AI agent's handoff
 * fields), as packet fields. A bot that asked for the order number knows it better than a
 * guess from the customer's words, so these beat what was extracted from text; they are shown
 * to the agent and never used for routing. Reports are folded in order, a later value of a key
 * replacing an earlier one; what is not a short string, a finite number or an amount
 * (`{ value, currency }`) is dropped.
 */
import type { FieldValue } from './handoff-packet.ts';

/** Longest value kept, in characters: a field is an id or an address, not a message. */
export const MAX_FIELD_LENGTH = 200;
/** Most keys kept from all reports together. */
export const MAX_FIELDS = 30;

const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function botReportedFields(
  reports: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>,
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const report of reports) {
    if (!report || typeof report !== 'object') continue;
    for (const [key, raw] of Object.entries(report)) {
      if (!KEY.test(key)) continue;
      const value = fieldValue(raw);
      if (value === null) continue;
      if (!(key in fields) && Object.keys(fields).length >= MAX_FIELDS) continue;
      fields[key] = value;
    }
  }
  return fields;
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
