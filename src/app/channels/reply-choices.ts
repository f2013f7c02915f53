/**
 * The one description of a choice that every channel adapter renders: the options a message
 * offers (`data.choices`, with stable ids), and, in the customer's language, the line that
 * tells a customer without buttons what to type and the label of a list's button.
 */
import type { ReplyChoices } from '../../channels/index.ts';
import { renderTemplate } from '../../core/sla/message-templates.ts';
import type { StoredEvent } from '../../core/records.ts';
import { choicesOf } from '../conversations/open-prompt.ts';

export function replyChoicesOf(
  message: StoredEvent,
  language: string | null,
): ReplyChoices | undefined {
  const options = choicesOf(message);
  if (options.length === 0) return undefined;
  const lang = language ?? 'en';
  return {
    options,
    // The survey's text already says to reply with the number (customer-messages.ts).
    ...(message.data.kind === 'csat_request'
      ? {}
      : { typeHint: renderTemplate('choices_type_hint', lang) }),
    menuLabel: renderTemplate('choices_menu', lang),
  };
}
