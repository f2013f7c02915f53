/** Cloud API `POST /{version}/{phone-number-id}/messages` requests: text replies and templates. */
import type { OutboundRequest, ReplyMessage } from '../channel-adapter.ts';
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

export function formatWhatsAppReply(
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
