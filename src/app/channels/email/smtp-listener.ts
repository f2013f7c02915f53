/**
 * Inbound SMTP: Baton as the mail server for the support address (behind an MX record or a
 * relay that forwards to it). Accepts mail only for the configured addresses or @domains (no
 * open relay), refuses bigger messages with 552, optionally requires AUTH, and answers 250
 * only after `deliver` has persisted the message: a failure answers 451, so the sending
 * server keeps the message and retries, and nothing accepted is ever lost.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { safeEqual } from '../../../channels/safe-equal.ts';
import type { SmtpEnvelope } from '../../../channels/email/email-authenticity.ts';

export interface SmtpListenerOptions {
  readonly host: string;
  readonly port: number;
  /** Comma-separated addresses (`help@acme.test`) or domains (`@acme.test`) to accept mail for. */
  readonly acceptFor: string;
  readonly maxBytes: number;
  readonly authUsername?: string;
  readonly authPassword?: string;
  readonly tlsKeyFile?: string;
  readonly tlsCertFile?: string;
  /**
   * Persists one raw message (with who sent it, for SPF); resolves with a short reason when
   * the message is dropped.
   */
  readonly deliver: (raw: Buffer, envelope: SmtpEnvelope) => Promise<DeliverOutcome>;
  readonly log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export type DeliverOutcome =
  | { readonly kind: 'stored' }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

/** An error whose `responseCode` smtp-server sends as the SMTP reply. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export function acceptsRecipient(acceptFor: string, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return acceptFor
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => (entry.startsWith('@') ? wanted.endsWith(entry) : wanted === entry));
}

export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const tls =
    options.tlsKeyFile && options.tlsCertFile
      ? { key: readFileSync(options.tlsKeyFile), cert: readFileSync(options.tlsCertFile) }
      : undefined;
  const requireAuth = Boolean(options.authUsername && options.authPassword);
  const server = new SMTPServer({
    ...(tls ?? {}),
    size: options.maxBytes,
    authOptional: !requireAuth,
    // Without a certificate, STARTTLS would offer smtp-server's built-in self-signed one.
    disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(requireAuth ? [] : ['AUTH'])],
    // AUTH in clear text only happens without TLS configured: a private network or a relay.
    allowInsecureAuth: !tls,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok =
        safeEqual(auth.username ?? '', options.authUsername ?? '') &&
        safeEqual(auth.password ?? '', options.authPassword ?? '');
      if (!ok) return callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (!acceptsRecipient(options.acceptFor, address.address))
        return callback(smtpError(550, '5.1.1 No such mailbox here; relaying is not allowed'));
      callback();
    },
    onData(stream, session, callback) {
      readLimited(stream as Readable, options.maxBytes).then(
        async (raw) => {
          // smtp-server itself answers 552 when the stream went over `size`.
          if (!raw) return callback(smtpError(552, '5.3.4 Message too big'));
          try {
            const outcome = await options.deliver(raw, {
              remoteAddress: session.remoteAddress,
              helo: session.hostNameAppearsAs,
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            });
            if (outcome.kind === 'invalid')
              return callback(smtpError(550, `5.6.0 Message refused: ${outcome.reason}`));
            callback(null, outcome.kind === 'stored' ? '2.0.0 Stored' : '2.0.0 Accepted, ignored');
          } catch (error) {
            options.log.error({ err: error }, 'storing an inbound email failed');
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          }
        },
        (error: unknown) => {
          options.log.warn({ err: error }, 'reading an inbound email failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error: unknown) => options.log.warn({ err: error }, 'SMTP listener error'));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message bytes, or undefined when they exceed `maxBytes` (the rest is drained, not kept). */
async function readLimited(stream: Readable, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total <= maxBytes) chunks.push(chunk as Buffer);
  }
  const exceeded = (stream as Readable & { sizeExceeded?: boolean }).sizeExceeded === true;
  return exceeded || total > maxBytes ? undefined : Buffer.concat(chunks);
}
