/**
 * The two look-ups that keep a provider thread to one conversation and a provider message to
 * one stored copy, on any engine and any node (the keys are in migrations/014):
 * - a message whose provider id the channel already stored is a redelivery, whatever became
 *   of its conversation since (resolved, or still open): nothing is stored or answered again;
 * - of two copies that both found no open conversation, the second's start fails on the
 *   open-thread index and it joins the conversation the first one started.
 */
import type { MessageEvent } from '../../channels/index.ts';
import type { ConversationRecord } from '../../core/records.ts';
import { ThreadTakenError } from '../../store/provider-messages.ts';
import type { Store } from '../../store/store.ts';

export async function isRedelivery(
  store: Store,
  channel: string,
  event: MessageEvent,
): Promise<boolean> {
  const owner = await store.conversations.conversationOfProviderMessage(
    channel,
    event.providerMessageId,
  );
  return owner !== undefined;
}

export async function openOrStartThreadConversation(
  find: () => Promise<ConversationRecord | undefined>,
  start: () => Promise<ConversationRecord>,
): Promise<ConversationRecord> {
  const open = await find();
  if (open) return open;
  try {
    return await start();
  } catch (error) {
    if (!(error instanceof ThreadTakenError)) throw error;
    const started = await find();
    if (started) return started;
    throw error;
  }
}
