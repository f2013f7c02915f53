/**
 * Choices where a channel has no buttons (SMS, email), or more options than its buttons
 * hold: the options written out as "1) Keep waiting" under a line that says what to type.
 * `matchChoice` (src/core/sla/choices.ts) reads the number or the label back.
 */
import type { ReplyChoices, ReplyMessage } from './channel-adapter.ts';

export function withNumberedChoices(text: string, choices: ReplyChoices | undefined): string {
  if (!choices || choices.options.length === 0 || !choices.typeHint) return text;
  const lines = choices.options.map((option, i) => `${i + 1}) ${option.label}`);
  return `${text}\n\n${choices.typeHint}\n${lines.join('\n')}`;
}

/** The reply's text with its choices written out (for a channel that cannot show them). */
export function numberedText(message: ReplyMessage): string {
  return withNumberedChoices(message.text, message.choices);
}

/** A label cut to a provider's limit for button titles, marked with an ellipsis. */
export function fitLabel(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}
