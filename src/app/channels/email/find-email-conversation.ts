/**
 * Which open conversation an inbound email belongs to. First any Baton Message-ID it answers
 * (verified; this is how a web chat continued by email gets its replies back), then the
 * email thread by its root, then by any other id it names: some clients drop References
 * and keep only In-Reply-To. `admits` skips the conversations an email may not join (mail that
 * failed the sender checks joins no known customer's conversation; channel-inbound.ts).
 */
import type { MessageEvent } from '../../../channels/index.ts';
import type { ConversationRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import { isBatonMessageIdOf, parseBatonMessageId } from './email-message-ids.ts';

const CLOSED = new Set(['resolved', 'abandoned']);

type Admits = (conversation: ConversationRecord) => boolean;

export async function findEmailConversation(
  store: Store,
  event: MessageEvent,
  admits: Admits = () => true,
): Promise<ConversationRecord | undefined> {
  const named = answeredIds(event);
  for (const id of named) {
    const conversation = await findConversationOfSentEmail(store, id);
    if (conversation && !CLOSED.has(conversation.status) && admits(conversation))
      return conversation;
  }
  for (const thread of new Set([event.threadId, ...named])) {
    const open = await store.conversations.findOpenByThread('email', thread);
    if (open && admits(open)) return open;
  }
  return undefined;
}

/**
 * The conversation, open or not, whose Baton email this one answers (verified): a reply to
 * the survey sent after resolution reaches the resolved conversation this way.
 */
export async function findAnsweredEmailConversation(
  store: Store,
  event: MessageEvent,
  admits: Admits = () => true,
): Promise<ConversationRecord | undefined> {
  const named = answeredIds(event);
  for (const id of named) {
    const conversation = await findConversationOfSentEmail(store, id);
    if (conversation && admits(conversation)) return conversation;
  }
  return undefined;
}

/** The ids an email answers, the one it replies to first, then its references newest first. */
function answeredIds(event: MessageEvent): string[] {
  return [
    ...(event.replyToProviderMessageId ? [event.replyToProviderMessageId] : []),
    ...[...(event.references ?? [])].reverse(),
  ];
}

/** The conversation a Baton Message-ID belongs to, when its tag verifies (for bounces). */
export async function findConversationOfSentEmail(
  store: Store,
  messageId: string,
): Promise<ConversationRecord | undefined> {
  const parsed = parseBatonMessageId(messageId);
  const conversation = parsed && (await store.conversations.get(parsed.conversationId));
  return conversation && isBatonMessageIdOf(conversation, messageId) ? conversation : undefined;
}
