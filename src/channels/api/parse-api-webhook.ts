/**
 * Open API channel, inbound: an integration posts Standard Webhooks payloads
 * `{ type, timestamp, data }` with `type` `message.received` (a customer turn) or
 * `message.status` (delivery of a message Baton sent through it). See docs/channels.md.
 */
import type { ChannelEvent, ChannelMedia, DeliveryStatus, MediaKind } from '../channel-adapter.ts';
import { arr, isObject, obj, str, type JsonObject } from '../parse-json-object.ts';

const STATUSES: readonly DeliveryStatus[] = ['sent', 'delivered', 'read', 'failed'];
const MEDIA_KINDS: readonly MediaKind[] = [
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'other',
];

export function parseApiWebhook(body: JsonObject, now: Date): ChannelEvent[] | undefined {
  const data = body.data;
  if (!isObject(data)) return undefined;
  const at = validTime(str(body.timestamp)) ?? now.toISOString();
  if (body.type === 'message.status') {
    const id = str(data.messageId);
    const status = STATUSES.find((s) => s === data.status);
    if (!id || !status) return undefined;
    const error = str(data.error);
    const threadId = str(data.threadId);
    return [
      {
        type: 'status',
        channel: 'api',
        providerMessageId: id,
        status,
        at,
        ...(threadId ? { threadId } : {}),
        ...(error ? { error } : {}),
      },
    ];
  }
  if (body.type !== 'message.received') return undefined;
  const id = str(data.id);
  const threadId = str(data.threadId);
  const customer = obj(data.customer);
  const customerId = str(customer.id);
  const text = str(data.text);
  const media = arr(data.media)
    .map(mediaOf)
    .filter((m): m is ChannelMedia => m !== undefined);
  const interactive = obj(data.interactive);
  const choice = str(interactive.id);
  if (!id || !threadId || !customerId || (text === undefined && media.length === 0 && !choice))
    return undefined;
  const optional = (key: string) => (str(customer[key]) ? { [key]: str(customer[key]) } : {});
  return [
    {
      type: 'message',
      channel: 'api',
      threadId,
      providerMessageId: id,
      at,
      customer: {
        externalId: customerId,
        ...optional('name'),
        ...optional('email'),
        ...optional('phone'),
      },
      ...(text !== undefined ? { text } : {}),
      ...(choice ? { interactive: { id: choice, title: str(interactive.title) ?? choice } } : {}),
      ...(media.length > 0 ? { media } : {}),
    },
  ];
}

function mediaOf(raw: unknown): ChannelMedia | undefined {
  const media = obj(raw);
  const kind = MEDIA_KINDS.find((k) => k === media.kind);
  const ref = str(media.url) ?? str(media.ref);
  if (!kind || !ref) return undefined;
  const mimeType = str(media.mimeType);
  const caption = str(media.caption);
  return { kind, ref, ...(mimeType ? { mimeType } : {}), ...(caption ? { caption } : {}) };
}

function validTime(value: string | undefined): string | undefined {
  const time = Date.parse(value ?? '');
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
