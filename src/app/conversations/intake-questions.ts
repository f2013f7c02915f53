/**
 * Intake: before a handoff that is not an explicit request, the bot may ask for what the
 * team will need (at most two questions, each skippable), so the agent starts with it; the
 * same questions serve "Share details first" after an explicit request. Pure: given what
 * was asked and what is missing, the next question or "hand over now". The words are in the
 * customer catalogue (core/i18n), in the customer's language.
 */
import { customerText, customerTextOf, type CustomerKey } from '../../core/i18n/customer-text.ts';

export const MAX_INTAKE_QUESTIONS = 2;

/** The fields with their own question in the catalogue (`intake_<field>`). */
const OWN_QUESTION: readonly string[] = ['order_id', 'email', 'account_id', 'amount', 'phone'];

export function intakeQuestion(field: string, language: string | null = 'en'): string {
  const question = OWN_QUESTION.includes(field)
    ? customerTextOf(`intake_${field}` as CustomerKey, language)
    : customerText('intake_generic', language, { field: field.replaceAll('_', ' ') });
  return `${customerText('intake_lead', language, {})} ${question} ${customerText('intake_skip', language, {})}`;
}

/** The next field to ask for, or null when intake is over (enough asked, or nothing missing). */
export function nextIntakeField(
  missing: readonly string[],
  asked: readonly string[],
): string | null {
  if (asked.length >= MAX_INTAKE_QUESTIONS) return null;
  return missing.find((f) => !asked.includes(f)) ?? null;
}
