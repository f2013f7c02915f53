/** WhatsApp Cloud API channel: Meta-signed webhooks in, Graph API `/messages` calls out. */
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  OutboundRequest,
  ReplyMessage,
} from '../channel-adapter.ts';
import { answerMetaChallenge } from '../meta/meta-challenge.ts';
import { verifyMetaSignature } from '../meta/verify-meta-signature.ts';
import { parseJsonObject } from '../parse-json-object.ts';
import { reject, rejectOversized } from '../reject.ts';
import {
  formatWhatsAppReply,
  formatWhatsAppTemplate,
  formatWhatsAppTyping,
  type WhatsAppTemplate,
} from './format-whatsapp.ts';
import { parseWhatsAppWebhook } from './parse-whatsapp-webhook.ts';
import { canSendFreeText, type WindowCheck } from './whatsapp-window.ts';

export interface WhatsAppAdapterOptions {
  /** App secret (App settings → Basic); signs every webhook. */
  appSecret: string;
  /** The token you typed into the webhook settings; echoed in the handshake. */
  verifyToken: string;
  /** System-user access token with `whatsapp_business_messaging`. */
  accessToken: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  clock?: () => Date;
}

export interface WhatsAppAdapter extends ChannelAdapter {
  readonly channel: 'whatsapp';
  formatTemplate(threadId: string, template: WhatsAppTemplate): OutboundRequest;
  canSendFreeText(lastCustomerMessageAt: string | Date | undefined, now: Date): WindowCheck;
}

export function createWhatsAppAdapter(options: WhatsAppAdapterOptions): WhatsAppAdapter {
  const api = {
    accessToken: options.accessToken,
    apiBaseUrl: (options.apiBaseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, ''),
    apiVersion: options.apiVersion ?? 'v23.0',
  };
  const clock = options.clock ?? (() => new Date());
  return {
    channel: 'whatsapp',
    receive(request: InboundRequest): InboundResult {
      if (request.method === 'GET') return answerMetaChallenge(request, options.verifyToken);
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const badSignature = verifyMetaSignature(request, options.appSecret);
      if (badSignature) return badSignature;
      const body = parseJsonObject(request.rawBody);
      const events = body && parseWhatsAppWebhook(body, clock());
      if (!events)
        return reject('MALFORMED_PAYLOAD', 'Not a WhatsApp Business Account webhook body.');
      return { kind: 'accepted', events };
    },
    formatReply: (threadId: string, message: ReplyMessage) =>
      formatWhatsAppReply(api, threadId, message),
    formatTyping: (threadId, context) => formatWhatsAppTyping(api, threadId, context),
    formatTemplate: (threadId, template) => formatWhatsAppTemplate(api, threadId, template),
    canSendFreeText,
  };
}
