/**
 * Messenger and Instagram channels (one adapter, two instances): Meta-signed webhooks in,
 * Send API and Handover Protocol calls out.
 */
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  OutboundRequest,
} from '../channel-adapter.ts';
import { answerMetaChallenge } from '../meta/meta-challenge.ts';
import { verifyMetaSignature } from '../meta/verify-meta-signature.ts';
import { parseJsonObject } from '../parse-json-object.ts';
import { reject, rejectOversized } from '../reject.ts';
import {
  formatMessengerReply,
  formatPassThreadControl,
  formatRequestThreadControl,
  formatTakeThreadControl,
  formatMessengerTyping,
  type MessengerReply,
} from './format-messenger.ts';
import type { MetaChannel } from './parse-messaging-event.ts';
import { parseMessengerWebhook } from './parse-messenger-webhook.ts';

export interface MessengerAdapterOptions {
  channel: MetaChannel;
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  /** Handover Protocol: the bot app that owns threads when no person has them. */
  botAppId?: string;
  /** Handover Protocol: Baton's app role on the Page (default secondary). */
  handoverRole?: 'primary' | 'secondary';
  clock?: () => Date;
}

export interface MessengerAdapter extends ChannelAdapter<OutboundRequest, MessengerReply> {
  readonly channel: MetaChannel;
  readonly botAppId?: string;
  /** Whether Baton takes a thread (primary receiver) or asks for it (secondary). */
  readonly handoverRole: 'primary' | 'secondary';
  formatPassThreadControl(
    threadId: string,
    targetAppId: string,
    metadata?: string,
  ): OutboundRequest;
  formatTakeThreadControl(threadId: string, metadata?: string): OutboundRequest;
  formatRequestThreadControl(threadId: string, metadata?: string): OutboundRequest;
}

export function createMessengerAdapter(options: MessengerAdapterOptions): MessengerAdapter {
  const api = {
    pageAccessToken: options.pageAccessToken,
    apiBaseUrl: (options.apiBaseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, ''),
    apiVersion: options.apiVersion ?? 'v23.0',
  };
  const clock = options.clock ?? (() => new Date());
  const { channel } = options;
  return {
    channel,
    ...(options.botAppId ? { botAppId: options.botAppId } : {}),
    handoverRole: options.handoverRole ?? 'secondary',
    receive(request: InboundRequest): InboundResult {
      if (request.method === 'GET') return answerMetaChallenge(request, options.verifyToken);
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const badSignature = verifyMetaSignature(request, options.appSecret);
      if (badSignature) return badSignature;
      const body = parseJsonObject(request.rawBody);
      const events = body && parseMessengerWebhook(channel, body, clock());
      if (!events) return reject('MALFORMED_PAYLOAD', `Not a ${channel} webhook body.`);
      return { kind: 'accepted', events };
    },
    formatReply: (threadId, message) => formatMessengerReply(api, channel, threadId, message),
    formatTyping: (threadId) => formatMessengerTyping(api, channel, threadId),
    formatPassThreadControl: (threadId, targetAppId, metadata) =>
      formatPassThreadControl(api, channel, threadId, targetAppId, metadata),
    formatTakeThreadControl: (threadId, metadata) =>
      formatTakeThreadControl(api, channel, threadId, metadata),
    formatRequestThreadControl: (threadId, metadata) =>
      formatRequestThreadControl(api, channel, threadId, metadata),
  };
}
