/**
 * The one description of a choice that every channel adapter renders: the options a message
 * offers (`data.choices`, with stable ids), and, in the customer's language, the line that
 * tells a customer without buttons what to type and the label of a list's button.
 */
import type { ReplyChoices } from '../../channels/index.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import type { StoredEvent } from '../../core/records.ts';
import { choicesOf } from '../conversations/open-prompt.ts';

export function replyChoicesOf(
  message: StoredEvent,
  language: string | null,
): ReplyChoices | undefined {
  const options = choicesOf(message);
  if (options.length === 0) return undefined;
  return {
    options,
    // The survey's text already says to reply with the number (customer-messages.ts).
    ...(message.data.kind === 'csat_request'
      ? {}
      : { typeHint: customerText('choices_type_hint', language, {}) }),
    menuLabel: customerText('choices_menu', language, {}),
  };
}
