/**
 * A raw RFC 5322 message (as the SMTP listener receives it) → the same `message` event the
 * inbound-parse webhook gives, threaded the same way (see parse-inbound-email.ts). The text
 * part is preferred; an HTML-only message is reduced to text (Baton never renders customer
 * HTML); the quoted history is stripped; attachments come with their bytes, which the server
 * stores apart from the message (store/media-file-repository.ts).
 * Automatic mail (auto-replies, bounces, lists) is accepted but yields no event, so Baton's
 * own answers can never loop with another robot.
 */
import { createHash } from 'node:crypto';
import PostalMime, { type Attachment, type Email } from 'postal-mime';
import type { ChannelMedia, MediaKind, MessageEvent, StatusEvent } from '../channel-adapter.ts';
import { ids } from './parse-inbound-email.ts';
import { stripQuotedReply } from './strip-quoted-reply.ts';

export type MimeParseResult =
  | { kind: 'message'; event: MessageEvent }
  | { kind: 'status'; event: StatusEvent }
  | { kind: 'automatic'; reason: string }
  | { kind: 'invalid'; reason: string };

export async function parseMimeEmail(raw: Buffer, now: Date): Promise<MimeParseResult> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { kind: 'invalid', reason: `not a MIME message (${(error as Error).message})` };
  }
  const header = (name: string) => email.headers.find((h) => h.key === name)?.value;
  const report = deliveryReport(email, raw, now);
  if (report) return report;
  const automatic = automaticReason(header);
  if (automatic) return { kind: 'automatic', reason: automatic };
  const from = email.from?.address ? email.from : (email.from?.group?.[0] ?? undefined);
  const address = from?.address?.trim().toLowerCase();
  if (!address || !address.includes('@')) return { kind: 'invalid', reason: 'no From address' };
  // Without a Message-ID, a hash of the bytes still makes a redelivery a duplicate.
  const messageId =
    ids(email.messageId)[0] ??
    `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@no-message-id.invalid>`;
  const inReplyTo = ids(email.inReplyTo)[0];
  const references = ids(email.references);
  const related = [...new Set([...references, ...(inReplyTo ? [inReplyTo] : [])])];
  const body = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  const text = body.trim() ? stripQuotedReply(body) : undefined;
  const date = Date.parse(email.date ?? '');
  const media = email.attachments
    .filter((a) => !a.related) // images embedded in the HTML (logos, signatures)
    .map((a, index) => attachmentOf(a, messageId, index));
  const event: MessageEvent = {
    type: 'message',
    channel: 'email',
    threadId: references[0] ?? inReplyTo ?? messageId,
    providerMessageId: messageId,
    at: Number.isNaN(date) ? now.toISOString() : new Date(date).toISOString(),
    customer: { externalId: address, email: address, ...(from?.name ? { name: from.name } : {}) },
    ...(text ? { text } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(email.subject !== undefined ? { subject: email.subject } : {}),
    ...(related.length > 0 ? { references: related } : {}),
    ...(inReplyTo ? { replyToProviderMessageId: inReplyTo } : {}),
  };
  return { kind: 'message', event };
}

/**
 * A delivery status notification (RFC 3464): a failed one becomes a `failed` status of the
 * message it reports on (named by the returned headers' Message-ID); any other report is
 * automatic mail.
 */
function deliveryReport(email: Email, raw: Buffer, now: Date): MimeParseResult | undefined {
  const report = email.attachments.find((a) =>
    /^message\/(global-)?delivery-status$/i.test(a.mimeType),
  );
  if (!report) return undefined;
  const fields = contentText(report.content);
  const action = /^Action:\s*([\w-]+)/im.exec(fields)?.[1]?.toLowerCase() ?? 'unknown';
  const own = ids(email.messageId)[0];
  // The returned headers (text/rfc822-headers or the whole message) carry the original id.
  const original = [...raw.toString('utf8').matchAll(/^Message-ID:\s*(<[^<>\s]+>)/gim)]
    .map((m) => m[1] as string)
    .find((id) => id !== own);
  if (action !== 'failed' || !original)
    return { kind: 'automatic', reason: `delivery report (${action})` };
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(fields)?.[1]?.trim();
  const status = /^Status:\s*(.+)$/im.exec(fields)?.[1]?.trim();
  return {
    kind: 'status',
    event: {
      type: 'status',
      channel: 'email',
      providerMessageId: original,
      status: 'failed',
      at: now.toISOString(),
      error: diagnostic ?? (status ? `delivery failed (${status})` : 'delivery failed'),
    },
  };
}

function contentText(content: ArrayBuffer | Uint8Array | string): string {
  if (typeof content === 'string') return content;
  return Buffer.from(content instanceof Uint8Array ? content : new Uint8Array(content)).toString(
    'utf8',
  );
}

/** RFC 3834 auto-responses, bounces (null return path) and list traffic. */
function automaticReason(header: (name: string) => string | undefined): string | undefined {
  const autoSubmitted = header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence))
    return `Precedence: ${precedence}`;
  if (header('x-autoreply') || header('x-autorespond')) return 'X-Autoreply';
  if (header('return-path')?.trim() === '<>') return 'bounce (empty Return-Path)';
  return undefined;
}

function attachmentOf(attachment: Attachment, messageId: string, index: number): ChannelMedia {
  const top = attachment.mimeType.split('/')[0];
  const kind: MediaKind = top === 'image' || top === 'audio' || top === 'video' ? top : 'document';
  const content = attachment.content;
  const bytes = typeof content === 'string' ? Buffer.from(content) : new Uint8Array(content);
  return {
    kind,
    // RFC 2392 `mid:` names a part of a message; the server stores the bytes under it.
    ref: `mid:${messageId.slice(1, -1)}/${index}`,
    mimeType: attachment.mimeType,
    ...(attachment.filename ? { fileName: attachment.filename } : {}),
    size: bytes.byteLength,
    content: bytes,
  };
}

/** Just enough HTML → text for HTML-only mail: blocks become lines, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '') // quoted history in most clients
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
