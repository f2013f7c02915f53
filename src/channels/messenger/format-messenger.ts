/**
 * Send API and Handover Protocol calls. Messenger posts to `/{PAGE-ID}/…` as Meta documents
 * (the page id is in the thread id); Instagram to `/me/…`, which the access token resolves to
 * the account. The token travels in the Authorization header, not the URL, to keep it out of logs.
 */
import type { OutboundRequest, ReplyMessage } from '../channel-adapter.ts';
import { fitLabel, numberedText } from '../choice-text.ts';
import { splitText } from '../split-text.ts';
import { splitThreadId } from '../thread-id.ts';
import type { MetaChannel } from './parse-messaging-event.ts';

/** Send API text limits: Messenger 2,000 characters, Instagram 1,000. */
export const TEXT_LIMIT: Record<MetaChannel, number> = { messenger: 2000, instagram: 1000 };

export interface MetaApi {
  pageAccessToken: string;
  apiBaseUrl: string;
  apiVersion: string;
}

export interface MessengerReply extends ReplyMessage {
  /**
   * A human agent's reply: sent with the `HUMAN_AGENT` tag, which Meta allows for 7 days
   * after the customer's last message (plain `RESPONSE` only for 24 hours).
   */
  humanAgent?: boolean;
}

export function formatMessengerReply(
  api: MetaApi,
  channel: MetaChannel,
  threadId: string,
  message: MessengerReply,
): OutboundRequest[] {
  const { businessId, customerId } = splitThreadId(threadId);
  const messaging = message.humanAgent
    ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
    : { messaging_type: 'RESPONSE' };
  const options = message.choices?.options ?? [];
  // Quick replies (at most 13, titles of 20 characters) ride on the last part; the payload
  // is the option's id. More options than that are written out as numbers.
  const quick = options.length > 0 && options.length <= MAX_QUICK_REPLIES;
  const parts = splitText(quick ? message.text : numberedText(message), TEXT_LIMIT[channel]);
  return parts.map((text, index) =>
    request(api, owner(channel, businessId), 'messages', {
      recipient: { id: customerId },
      ...messaging,
      message: {
        text,
        ...(quick && index === parts.length - 1
          ? {
              quick_replies: options.map((o) => ({
                content_type: 'text',
                title: fitLabel(o.label, QUICK_REPLY_TITLE_LIMIT),
                payload: o.id,
              })),
            }
          : {}),
      },
    }),
  );
}

const MAX_QUICK_REPLIES = 13;
const QUICK_REPLY_TITLE_LIMIT = 20;

/** "Typing…" in the thread (sender actions go without `messaging_type`). */
export function formatMessengerTyping(
  api: MetaApi,
  channel: MetaChannel,
  threadId: string,
): OutboundRequest {
  const { businessId, customerId } = splitThreadId(threadId);
  return request(api, owner(channel, businessId), 'messages', {
    recipient: { id: customerId },
    sender_action: 'typing_on',
  });
}

/** Hand the thread to another app (e.g. back to the bot app, or to a Page inbox: 263902037430900). */
export function formatPassThreadControl(
  api: MetaApi,
  channel: MetaChannel,
  threadId: string,
  targetAppId: string,
  metadata?: string,
): OutboundRequest {
  const { businessId, customerId } = splitThreadId(threadId);
  return request(api, owner(channel, businessId), 'pass_thread_control', {
    recipient: { id: customerId },
    target_app_id: targetAppId,
    ...(metadata ? { metadata } : {}),
  });
}

/** Primary receiver only: take the thread back from a secondary app. */
export function formatTakeThreadControl(
  api: MetaApi,
  channel: MetaChannel,
  threadId: string,
  metadata?: string,
): OutboundRequest {
  const { businessId, customerId } = splitThreadId(threadId);
  return request(api, owner(channel, businessId), 'take_thread_control', {
    recipient: { id: customerId },
    ...(metadata ? { metadata } : {}),
  });
}

/** Secondary receiver: ask the primary receiver for the thread. */
export function formatRequestThreadControl(
  api: MetaApi,
  channel: MetaChannel,
  threadId: string,
  metadata?: string,
): OutboundRequest {
  const { businessId, customerId } = splitThreadId(threadId);
  return request(api, owner(channel, businessId), 'request_thread_control', {
    recipient: { id: customerId },
    ...(metadata ? { metadata } : {}),
  });
}

function owner(channel: MetaChannel, pageId: string): string {
  return channel === 'messenger' ? encodeURIComponent(pageId) : 'me';
}

function request(api: MetaApi, node: string, edge: string, body: unknown): OutboundRequest {
  return {
    method: 'POST',
    url: `${api.apiBaseUrl}/${api.apiVersion}/${node}/${edge}`,
    headers: { authorization: `Bearer ${api.pageAccessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
