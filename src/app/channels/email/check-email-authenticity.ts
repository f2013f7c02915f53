/**
 * Runs mailauth's SPF, DKIM and DMARC checks on a message the SMTP listener received, with
 * the session's facts (client IP, HELO, MAIL FROM). DNS goes through `resolver` when one is
 * given (tests answer from records they build; nothing leaves the process), else the system's.
 */
import { authenticate } from 'mailauth';
import {
  verdictOf,
  type DnsResolver,
  type EmailAuthenticity,
  type SmtpEnvelope,
} from '../../../channels/email/email-authenticity.ts';

export interface CheckEmailOptions {
  /** Omitted: the system's DNS. */
  readonly resolver?: DnsResolver | undefined;
  /** This server's name in the Authentication-Results it computes. */
  readonly mta?: string;
}

export async function checkEmailAuthenticity(
  raw: Buffer,
  envelope: SmtpEnvelope,
  options: CheckEmailOptions = {},
): Promise<EmailAuthenticity> {
  const result = await authenticate(raw, {
    ip: envelope.remoteAddress,
    helo: envelope.helo,
    sender: envelope.mailFrom,
    mta: options.mta ?? 'baton',
    // ARC (forwarders' seals) and BIMI (logos) say nothing Baton acts on.
    disableArc: true,
    disableBimi: true,
    ...(options.resolver ? { resolver: options.resolver } : {}),
  });
  return verdictOf(result);
}
