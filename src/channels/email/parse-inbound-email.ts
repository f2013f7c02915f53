/**
 * Inbound email JSON (Postmark's inbound-webhook shape; see docs/channels.md) → events.
 * Threading follows RFC 5322: the first `References` id is the thread root; `In-Reply-To`
 * when there are no References; a new thread starts at the message's own `Message-ID`.
 */
import type { ChannelEvent, ChannelMedia, DeliveryStatus, MediaKind } from '../channel-adapter.ts';
import { arr, obj, str, type JsonObject } from '../parse-json-object.ts';
import { stripQuotedReply } from './strip-quoted-reply.ts';
import { providerAuthenticity } from './provider-authenticity.ts';

/** Delivery records use Postmark's names; `MessageID` is the Message-ID Baton sent with. */
const RECORD_STATUS: Record<string, DeliveryStatus> = {
  Delivery: 'delivered',
  Open: 'read',
  Bounce: 'failed',
  SpamComplaint: 'failed',
};

export function parseInboundEmail(body: JsonObject, now: Date): ChannelEvent[] | undefined {
  const recordType = str(body.RecordType);
  if (recordType !== undefined && recordType !== 'Inbound')
    return parseRecord(body, recordType, now);
  const from = obj(body.FromFull);
  const email = (str(from.Email) ?? str(body.From))?.trim().toLowerCase();
  if (!email || !email.includes('@')) return undefined;
  const headers = headerMap(body.Headers);
  const messageId =
    firstId(headers.get('message-id')) ??
    (str(body.MessageID) ? `<${str(body.MessageID)}@postmark>` : undefined);
  if (!messageId) return undefined;
  const inReplyTo = firstId(headers.get('in-reply-to'));
  const references = ids(headers.get('references'));
  const related = [...new Set([...references, ...(inReplyTo ? [inReplyTo] : [])])];
  const name = str(from.Name) ?? str(body.FromName);
  // Postmark strips the quoted history from replies; otherwise strip it here.
  const full = str(body.TextBody)?.trim();
  const text =
    str(body.StrippedTextReply)?.trim() || (full ? stripQuotedReply(full) : undefined) || undefined;
  const subject = str(body.Subject);
  const date = Date.parse(str(body.Date) ?? '');
  const media = arr(body.Attachments).map((raw, index) => attachmentOf(raw, messageId, index));
  const authenticity = providerAuthenticity((name) => headers.get(name), email);
  return [
    {
      type: 'message',
      channel: 'email',
      threadId: references[0] ?? inReplyTo ?? messageId,
      providerMessageId: messageId,
      at: Number.isNaN(date) ? now.toISOString() : new Date(date).toISOString(),
      customer: { externalId: email, email, ...(name ? { name } : {}) },
      ...(text ? { text } : {}),
      ...(media.length > 0 ? { media } : {}),
      ...(subject !== undefined ? { subject } : {}),
      ...(related.length > 0 ? { references: related } : {}),
      ...(inReplyTo ? { replyToProviderMessageId: inReplyTo } : {}),
      ...(authenticity ? { authenticity } : {}),
    },
  ];
}

function parseRecord(body: JsonObject, recordType: string, now: Date): ChannelEvent[] | undefined {
  const id = str(body.MessageID);
  if (!id) return undefined;
  const status = RECORD_STATUS[recordType];
  if (!status) return [];
  const at =
    str(body.DeliveredAt) ?? str(body.BouncedAt) ?? str(body.ReceivedAt) ?? now.toISOString();
  const error =
    status === 'failed' ? (str(body.Description) ?? str(body.Details) ?? recordType) : undefined;
  const messageId = id.startsWith('<') ? id : `<${id}>`;
  return [
    {
      type: 'status',
      channel: 'email',
      providerMessageId: messageId,
      status,
      at,
      ...(error ? { error } : {}),
    },
  ];
}

function headerMap(raw: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const header of arr(raw).map(obj)) {
    const name = str(header.Name)?.toLowerCase();
    const value = str(header.Value);
    if (name && value !== undefined && !map.has(name)) map.set(name, value);
  }
  return map;
}

/** Message ids in a header, `<…>` kept so they compare equal to Message-ID values. */
export function ids(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

function firstId(value: string | undefined): string | undefined {
  return ids(value)[0];
}

function attachmentOf(raw: unknown, messageId: string, index: number): ChannelMedia {
  const attachment = obj(raw);
  const mimeType = str(attachment.ContentType);
  const fileName = str(attachment.Name);
  const top = mimeType?.split('/')[0];
  const kind: MediaKind = top === 'image' || top === 'audio' || top === 'video' ? top : 'document';
  const base64 = str(attachment.Content);
  const content = base64 ? Buffer.from(base64, 'base64') : undefined;
  return {
    kind,
    // The same reference as the SMTP path (RFC 2392 `mid:` names a part of a message), so
    // it is unique in the conversation; the bytes come inline and the server stores them.
    ref: `mid:${messageId.replace(/^<|>$/g, '')}/${index}`,
    ...(mimeType ? { mimeType } : {}),
    ...(fileName ? { fileName } : {}),
    ...(content
      ? { size: content.byteLength, content: new Uint8Array(content) }
      : typeof attachment.ContentLength === 'number'
        ? { size: attachment.ContentLength }
        : {}),
  };
}
