/**
 * A Messenger (`object: "page"`) or Instagram (`object: "instagram"`) webhook body → events.
 * Items in `standby[]` arrived while another app owned the thread (Handover Protocol): they
 * become `thread_control` / `standby` events, never customer turns the bot would answer.
 */
import type { ChannelEvent } from '../channel-adapter.ts';
import { arr, isObject, isoTime, obj, str, type JsonObject } from '../parse-json-object.ts';
import { joinThreadId } from '../thread-id.ts';
import { parseMessagingEvent, type MetaChannel } from './parse-messaging-event.ts';

const OBJECT_OF: Record<MetaChannel, string> = { messenger: 'page', instagram: 'instagram' };

/** `undefined` when the body is not this channel's webhook (→ 400). */
export function parseMessengerWebhook(
  channel: MetaChannel,
  body: JsonObject,
  now: Date,
): ChannelEvent[] | undefined {
  if (body.object !== OBJECT_OF[channel] || !Array.isArray(body.entry)) return undefined;
  const events: ChannelEvent[] = [];
  for (const entry of body.entry) {
    if (!isObject(entry)) return undefined;
    const pageId = str(entry.id);
    if (!pageId) return undefined;
    const time = Number(entry.time);
    const at = isoTime(time, now.toISOString());
    for (const item of arr(entry.messaging)) {
      if (!isObject(item)) return undefined;
      events.push(...parseMessagingEvent(channel, pageId, item, at));
    }
    for (const item of arr(entry.standby)) {
      if (!isObject(item)) return undefined;
      const standby = standbyEvent(channel, pageId, item, at);
      if (standby) events.push(standby);
    }
  }
  return events;
}

function standbyEvent(
  channel: MetaChannel,
  pageId: string,
  item: JsonObject,
  at: string,
): ChannelEvent | undefined {
  const message = obj(item.message);
  const echo = message.is_echo === true;
  const customerId = str(obj(echo ? item.recipient : item.sender).id);
  if (!customerId) return undefined;
  const timestamp = Number(item.timestamp);
  const mid = str(message.mid);
  const text = str(message.text);
  // The app that sent an echo (a number in Meta's payloads): the bot app, or Baton's own.
  const appId =
    typeof message.app_id === 'number' || typeof message.app_id === 'string'
      ? String(message.app_id)
      : undefined;
  return {
    type: 'thread_control',
    channel,
    threadId: joinThreadId(pageId, customerId),
    action: 'standby',
    at: isoTime(timestamp, at),
    ...(mid
      ? {
          message: {
            providerMessageId: mid,
            ...(text !== undefined ? { text } : {}),
            ...(echo ? { echo: true as const, ...(appId ? { appId } : {}) } : {}),
          },
        }
      : {}),
  };
}
