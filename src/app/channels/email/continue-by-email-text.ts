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
  const started = startedLabel(startedAt);
  const words = firstWords?.trim().replace(/\s+/g, ' ');
  const preview = words ? ` ("${words.length > 80 ? `${words.slice(0, 79)}…` : words}")` : '';
  return customerText('email_continue_intro', language, { started, preview });
}

/** When a conversation started, as emails to the customer say it: `2026-12-04 09:58 UTC`. */
export function startedLabel(createdAt: string): string {
  return `${createdAt.slice(0, 10)} ${createdAt.slice(11, 16)} UTC`;
}
