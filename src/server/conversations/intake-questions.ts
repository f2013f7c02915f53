/**
 * Intake: before a handoff that is not an explicit request, the bot may ask for what the
 * team will need (at most two questions, each skippable), so the agent starts with it.
 * Pure: given what was asked and what is missing, the next question or "hand over now".
 */

export const MAX_INTAKE_QUESTIONS = 2;

const QUESTIONS: Readonly<Record<string, string>> = {
  order_id: 'What is your order number?',
  email: 'What email address is on your account?',
  account_id: 'What is your account ID? It starts with ACC-.',
  amount: 'What amount is this about?',
  phone: 'What phone number can we reach you on?',
};

const SKIP_HINT = 'You can also say “skip”, and a person will take it from here.';

export function intakeQuestion(field: string): string {
  const question = QUESTIONS[field] ?? `Could you tell me your ${field.replaceAll('_', ' ')}?`;
  return `To get you to the right person with everything they need: ${question} ${SKIP_HINT}`;
}

/** The next field to ask for, or null when intake is over (enough asked, or nothing missing). */
export function nextIntakeField(
  missing: readonly string[],
  asked: readonly string[],
): string | null {
  if (asked.length >= MAX_INTAKE_QUESTIONS) return null;
  return missing.find((f) => !asked.includes(f)) ?? null;
}
