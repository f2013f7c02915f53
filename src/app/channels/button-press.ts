/**
 * A button the customer pressed in a channel (a WhatsApp reply button or list row, a
 * Messenger/Instagram quick reply, a Telegram inline-keyboard button): its id is the id of
 * one of the choices Baton offered, so it is handled as choosing that option, the same as
 * the widget's buttons and as typing the option's number or words.
 */
import type { ChannelAdapter, TelegramAdapter } from '../../channels/index.ts';
import type { Store } from '../../store/store.ts';
import { everOffered } from '../conversations/open-prompt.ts';
import type { EnabledAdapters } from './create-adapters.ts';
import { callProvider } from './provider-call.ts';

/**
 * Whether a pressed id names a choice offered in this conversation. Anything else (a button
 * of the business's own bot, a Messenger "Get Started" postback) is read as its title.
 */
export async function isOfferedChoice(
  store: Store,
  conversationId: string,
  id: string,
): Promise<boolean> {
  const events = await store.conversations.eventsSince(conversationId, 0, 100_000);
  return everOffered(events, id) !== null;
}

/**
 * Telegram shows a spinner on a pressed inline button until the bot answers the callback
 * query; Baton answers every one it receives, once the press is stored.
 */
export async function answerButtonPress(
  adapters: EnabledAdapters | undefined,
  channel: string,
  callbackQueryId: string,
  send?: typeof fetch,
): Promise<void> {
  const adapter = adapters?.get(channel);
  if (!adapter || !isTelegram(adapter)) return;
  await callProvider(adapter.answerCallbackQuery(callbackQueryId), send);
}

function isTelegram(adapter: ChannelAdapter): adapter is TelegramAdapter {
  return adapter.channel === 'telegram' && 'answerCallbackQuery' in adapter;
}
