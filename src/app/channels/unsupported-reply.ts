/**
 * The bot's one polite answer to a message it cannot open (a poll, a game, an unknown
 * attachment): asked once per run of such messages, in the customer's language, and only
 * while the bot has the conversation. Once a person owns it the bot is silent; the agent
 * sees the message as what it was.
 */
import { customerText } from '../../core/i18n/customer-text.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';

export const UNSUPPORTED_REPLY_KIND = 'unsupported_reply';

export function unsupportedReplyText(language: string | null | undefined): string {
  return customerText('unsupported_message', language, {});
}

/**
 * Whether the bot answers this unsupported message. `recent` is the end of the log before it:
 * no answer if one was already given since the customer's last message the bot could read.
 */
export function shouldAnswerUnsupported(
  conversation: ConversationRecord,
  recent: readonly StoredEvent[],
): boolean {
  if (conversation.status !== 'bot' && conversation.status !== 'intake') return false;
  for (const event of [...recent].reverse()) {
    if (event.type !== 'message.created') continue;
    if (event.data.kind === UNSUPPORTED_REPLY_KIND) return false;
    if (event.data.from === 'customer' && !event.data.unsupported) return true;
  }
  return true;
}
