/**
 * Email channel. Inbound: a JSON webhook in Postmark's inbound shape behind HTTP Basic auth
 * (the credentials go in the webhook URL, as Postmark recommends). Outbound: a message object
 * for nodemailer's `sendMail`, threaded with In-Reply-To and References.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  ReplyMessage,
} from '../channel-adapter.ts';
import { getHeader } from '../get-header.ts';
import { parseJsonObject } from '../parse-json-object.ts';
import { reject, rejectOversized } from '../reject.ts';
import { safeEqual } from '../safe-equal.ts';
import { numberedText } from '../choice-text.ts';
import { parseInboundEmail } from './parse-inbound-email.ts';

export interface EmailAdapterOptions {
  /** Basic-auth credentials the inbound webhook must carry; without them it accepts nothing. */
  webhookUsername?: string;
  webhookPassword?: string;
  /** The support address replies come from, e.g. `Acme Support <support@acme.test>`. */
  from: string;
  /** Domain for generated Message-IDs; defaults to the `from` address's domain. */
  messageIdDomain?: string;
  clock?: () => Date;
}

export interface EmailReply extends ReplyMessage {
  to: string;
  subject: string;
  /** The ids the thread already has (the inbound event's `references`); kept in order. */
  references?: string[];
  /** Use a known id (e.g. stored before sending, for dedupe); generated otherwise. */
  messageId?: string;
  /** The first email of a new thread (a web chat continued by email): no `Re:`, no references. */
  startsThread?: boolean;
  /** Written by the bot: marked `Auto-Submitted: auto-replied` (RFC 3834) so robots do not answer. */
  automatic?: boolean;
}

/** The subset of nodemailer's `Mail.Options` Baton sets. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface EmailAdapter extends ChannelAdapter<MailMessage, EmailReply> {
  readonly channel: 'email';
  /** The domain of the Message-IDs Baton generates. */
  readonly messageIdDomain: string;
}

export function createEmailAdapter(options: EmailAdapterOptions): EmailAdapter {
  const clock = options.clock ?? (() => new Date());
  const { webhookUsername: user, webhookPassword: password } = options;
  const expected =
    user && password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined;
  const domain = options.messageIdDomain ?? /@([^>\s]+)/.exec(options.from)?.[1] ?? 'baton.invalid';
  return {
    channel: 'email',
    messageIdDomain: domain,
    receive(request: InboundRequest): InboundResult {
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const authorization = getHeader(request.headers, 'authorization');
      if (!authorization) return reject('SIGNATURE_MISSING', 'Basic credentials are required.');
      // 403 also tells Postmark to stop retrying a delivery we will never accept.
      if (!expected || !safeEqual(authorization.trim(), expected))
        return reject('SIGNATURE_INVALID', 'Wrong webhook credentials.');
      const body = parseJsonObject(request.rawBody);
      const events = body && parseInboundEmail(body, clock());
      if (!events)
        return reject('MALFORMED_PAYLOAD', 'Expected an inbound email with From and Message-ID.');
      return { kind: 'accepted', events };
    },
    formatReply(threadId: string, reply: EmailReply): MailMessage[] {
      const headers = reply.automatic ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {};
      const messageId = reply.messageId ?? `<${randomUUID()}@${domain}>`;
      if (reply.startsThread) {
        const { to, subject } = reply;
        const text = numberedText(reply);
        return [{ from: options.from, to, subject, text, messageId, ...headers }];
      }
      const inReplyTo = reply.replyToProviderMessageId ?? reply.references?.at(-1) ?? threadId;
      // Root first, then the rest in order, ending with the message answered (RFC 5322 3.6.4).
      const references = [...new Set([threadId, ...(reply.references ?? []), inReplyTo])];
      return [
        {
          from: options.from,
          to: reply.to,
          subject: /^re:/i.test(reply.subject.trim()) ? reply.subject : `Re: ${reply.subject}`,
          text: numberedText(reply),
          messageId,
          inReplyTo,
          references,
          ...headers,
        },
      ];
    },
  };
}
