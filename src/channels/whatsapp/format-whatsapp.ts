/**
 * Cloud API `POST /{version}/{phone-number-id}/messages` requests: text replies, choices as
 * interactive reply buttons or a list, templates, and the typing indicator.
 */
import type { OutboundRequest, ReplyMessage, TypingContext } from '../channel-adapter.ts';
import { fitLabel, numberedText } from '../choice-text.ts';
import { splitText } from '../split-text.ts';
import { splitThreadId } from '../thread-id.ts';

/** The Cloud API's limit for `text.body`. */
export const WHATSAPP_TEXT_LIMIT = 4096;

export interface WhatsAppApi {
  accessToken: string;
  apiBaseUrl: string;
  apiVersion: string;
}

export interface WhatsAppTemplate {
  name: string;
  /** e.g. `en_US`; must be a language the template was approved in. */
  languageCode: string;
  /** Shortcut for the common case: text parameters of the body component, in order. */
  bodyParameters?: string[];
  /** Full components as the Cloud API documents them; used as given. */
  components?: Array<Record<string, unknown>>;
}

/** Interactive messages: body text 1,024 characters; 3 reply buttons (20-character titles); 10 list rows (24). */
const INTERACTIVE_BODY_LIMIT = 1024;
const MAX_BUTTONS = 3;
const BUTTON_TITLE_LIMIT = 20;
const MAX_LIST_ROWS = 10;
const ROW_TITLE_LIMIT = 24;
const ROW_DESCRIPTION_LIMIT = 72;

export function formatWhatsAppReply(
  api: WhatsAppApi,
  threadId: string,
  message: ReplyMessage,
): OutboundRequest[] {
  const options = message.choices?.options ?? [];
  if (options.length === 0 || options.length > MAX_LIST_ROWS) {
    return textMessages(api, threadId, { ...message, text: numberedText(message) });
  }
  // The interactive message carries the last part of the text; earlier parts go before it.
  const parts = splitText(message.text, INTERACTIVE_BODY_LIMIT);
  const body = parts.pop() ?? '';
  const before =
    parts.length > 0 ? textMessages(api, threadId, { ...message, text: parts.join('\n') }) : [];
  const { businessId, customerId } = splitThreadId(threadId);
  const action =
    options.length <= MAX_BUTTONS
      ? {
          buttons: options.map((o) => ({
            type: 'reply',
            reply: { id: o.id, title: fitLabel(o.label, BUTTON_TITLE_LIMIT) },
          })),
        }
      : {
          button: fitLabel(message.choices?.menuLabel ?? '', BUTTON_TITLE_LIMIT),
          sections: [
            {
              rows: options.map((o) => {
                const title = fitLabel(o.label, ROW_TITLE_LIMIT);
                // A label cut short is given whole underneath.
                return title === o.label
                  ? { id: o.id, title }
                  : { id: o.id, title, description: fitLabel(o.label, ROW_DESCRIPTION_LIMIT) };
              }),
            },
          ],
        };
  return [
    ...before,
    request(api, businessId, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: customerId,
      ...(before.length === 0 && message.replyToProviderMessageId
        ? { context: { message_id: message.replyToProviderMessageId } }
        : {}),
      type: 'interactive',
      interactive: {
        type: options.length <= MAX_BUTTONS ? 'button' : 'list',
        body: { text: body },
        action,
      },
    }),
  ];
}

/**
 * The typing indicator: marks the customer's last message read and shows "typing…" until
 * the reply arrives or 25 seconds pass. Without a customer message to mark there is none.
 */
export function formatWhatsAppTyping(
  api: WhatsAppApi,
  threadId: string,
  context: TypingContext,
): OutboundRequest | null {
  if (!context.lastCustomerMessageId) return null;
  const { businessId } = splitThreadId(threadId);
  return request(api, businessId, {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: context.lastCustomerMessageId,
    typing_indicator: { type: 'text' },
  });
}

function textMessages(
  api: WhatsAppApi,
  threadId: string,
  message: ReplyMessage,
): OutboundRequest[] {
  const { businessId, customerId } = splitThreadId(threadId);
  return splitText(message.text, WHATSAPP_TEXT_LIMIT).map((part, index) =>
    request(api, businessId, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: customerId,
      // Quote the customer's message on the first part only, as a person would.
      ...(index === 0 && message.replyToProviderMessageId
        ? { context: { message_id: message.replyToProviderMessageId } }
        : {}),
      type: 'text',
      text: { body: part, preview_url: false },
    }),
  );
}

export function formatWhatsAppTemplate(
  api: WhatsAppApi,
  threadId: string,
  template: WhatsAppTemplate,
): OutboundRequest {
  const { businessId, customerId } = splitThreadId(threadId);
  const components =
    template.components ??
    (template.bodyParameters
      ? [
          {
            type: 'body',
            parameters: template.bodyParameters.map((text) => ({ type: 'text', text })),
          },
        ]
      : undefined);
  return request(api, businessId, {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: customerId,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.languageCode },
      ...(components ? { components } : {}),
    },
  });
}

function request(api: WhatsAppApi, phoneNumberId: string, body: unknown): OutboundRequest {
  return {
    method: 'POST',
    url: `${api.apiBaseUrl}/${api.apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`,
    headers: { authorization: `Bearer ${api.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
