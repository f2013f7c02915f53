/**
 * Open API channel: for anything Baton has no adapter for. Inbound turns and statuses arrive
 * signed as Standard Webhooks; replies and conversation events leave the same way, to the
 * integration's webhook URL. Retries must re-format with the same id and a fresh time, so
 * the receiver's replay window accepts them and its dedupe on `webhook-id` still works.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  OutboundRequest,
  ReplyMessage,
} from '../channel-adapter.ts';
import { parseJsonObject } from '../parse-json-object.ts';
import { reject, rejectOversized } from '../reject.ts';
import { parseApiWebhook } from './parse-api-webhook.ts';
import { signStandardWebhook, verifyStandardWebhook } from './standard-webhooks.ts';

export interface ApiAdapterOptions {
  /** `whsec_<base64>`, shared with the integration; signs both directions. */
  secret: string;
  /** The integration's endpoint for replies and conversation events. */
  webhookUrl: string;
  toleranceSeconds?: number;
  clock?: () => Date;
}

/** The conversation events the issue names; `data` is the event's own data (docs/api.md). */
export type ConversationWebhookType =
  | 'conversation.handed_over'
  | 'conversation.assigned'
  | 'message.created'
  | 'conversation.resolved';

export interface ApiReply extends ReplyMessage {
  /** Baton's id for the message; the integration reports statuses against it. */
  messageId?: string;
  /** Who wrote it: a person, or the bot (and Baton's system notices). Default `agent`. */
  from?: 'agent' | 'bot' | 'system';
  agentName?: string;
}

export interface DeliveryOptions {
  /** The delivery's id, reused on every retry (the receiver dedupes on it). */
  id?: string;
  /** The attempt's time; a retry passes its own. */
  at?: Date;
}

export interface ApiAdapter extends ChannelAdapter<OutboundRequest, ApiReply> {
  readonly channel: 'api';
  formatEvent(
    type: ConversationWebhookType,
    data: Record<string, unknown>,
    delivery?: DeliveryOptions,
  ): OutboundRequest;
}

export function createApiAdapter(options: ApiAdapterOptions): ApiAdapter {
  const clock = options.clock ?? (() => new Date());
  const formatEvent = (
    type: string,
    data: Record<string, unknown>,
    delivery: DeliveryOptions = {},
  ): OutboundRequest => {
    const at = delivery.at ?? clock();
    const id = delivery.id ?? `msg_${randomUUID()}`;
    const body = JSON.stringify({ type, timestamp: at.toISOString(), data });
    return {
      method: 'POST',
      url: options.webhookUrl,
      headers: {
        'content-type': 'application/json',
        ...signStandardWebhook(options.secret, id, at, body),
      },
      body,
    };
  };
  return {
    channel: 'api',
    receive(request: InboundRequest): InboundResult {
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const verified = verifyStandardWebhook({
        secret: options.secret,
        headers: request.headers,
        rawBody: request.rawBody,
        now: clock(),
        ...(options.toleranceSeconds !== undefined
          ? { toleranceSeconds: options.toleranceSeconds }
          : {}),
      });
      if (!verified.ok) return reject(verified.code, verified.message);
      const body = parseJsonObject(request.rawBody);
      const events = body && parseApiWebhook(body, clock());
      if (!events)
        return reject(
          'MALFORMED_PAYLOAD',
          'Expected message.received or message.status with its data.',
        );
      return { kind: 'accepted', events };
    },
    formatReply(threadId: string, reply: ApiReply): OutboundRequest[] {
      const messageId = reply.messageId ?? `m_${randomUUID()}`;
      const message = {
        id: messageId,
        from: reply.from ?? 'agent',
        text: reply.text,
        ...(reply.agentName ? { agentName: reply.agentName } : {}),
        ...(reply.replyToProviderMessageId ? { replyTo: reply.replyToProviderMessageId } : {}),
      };
      // The message id doubles as the delivery id, so a resent reply is deduped by the receiver.
      return [formatEvent('message.created', { threadId, message }, { id: `msg_${messageId}` })];
    },
    formatEvent,
  };
}
