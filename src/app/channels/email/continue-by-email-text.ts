/**
 * The first email of a web chat continued by email: the customer may read it hours later,
 * on another device, so it says which conversation it continues and that replying works.
 * The words are in the customer catalogue (core/i18n).
 */
import { customerText } from '../../../core/i18n/customer-text.ts';

export function continueByEmailSubject(team: string, language: string | null): string {
  return customerText('email_continue_subject', language, { team });
}

/** `startedAt` is the conversation's creation time; `firstWords` the customer's first message. */
export function continueByEmailIntro(
  startedAt: string,
  firstWords: string | undefined,
  language: string | null,
): string {
  const started = `${startedAt.slice(0, 10)} ${startedAt.slice(11, 16)} UTC`;
  const words = firstWords?.trim().replace(/\s+/g, ' ');
  const preview = words ? ` ("${words.length > 80 ? `${words.slice(0, 79)}…` : words}")` : '';
  return customerText('email_continue_intro', language, { started, preview });
}
