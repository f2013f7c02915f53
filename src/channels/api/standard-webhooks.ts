/**
 * Standard Webhooks signatures (standardwebhooks.com): `webhook-signature: v1,<base64
 * HMAC-SHA256(secret, "<id>.<timestamp>.<body>")>` with a `whsec_<base64>` secret, and a
 * timestamp window against replays. node:crypto per the spec rather than the `standardwebhooks`
 * package (a dependency of the bot webhook, and what the tests verify with): that package
 * fixes the window at five minutes, and this channel's is configurable (`toleranceSeconds`).
 * The tests pin the spec's published example.
 */
import { createHmac } from 'node:crypto';
import { getHeader } from '../get-header.ts';
import { safeEqual } from '../safe-equal.ts';

/** The spec's recommended tolerance: five minutes either way. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret,
    'base64',
  );
}

export function standardWebhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

export function signStandardWebhook(
  secret: string,
  id: string,
  at: Date,
  body: string,
): StandardWebhookHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardWebhookSignature(secret, id, timestamp, body),
  };
}

export type StandardWebhookVerification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; code: 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID'; message: string };

export function verifyStandardWebhook(input: {
  secret: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer | string;
  now: Date;
  toleranceSeconds?: number;
}): StandardWebhookVerification {
  const id = getHeader(input.headers, 'webhook-id');
  const timestampText = getHeader(input.headers, 'webhook-timestamp');
  const signatures = getHeader(input.headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) {
    return {
      ok: false,
      code: 'SIGNATURE_MISSING',
      message: 'webhook-id, webhook-timestamp and webhook-signature are required.',
    };
  }
  const timestamp = Number(timestampText);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (
    !/^\d+$/.test(timestampText) ||
    Math.abs(input.now.getTime() / 1000 - timestamp) > tolerance
  ) {
    return {
      ok: false,
      code: 'SIGNATURE_INVALID',
      message: 'webhook-timestamp is outside the replay window.',
    };
  }
  const body = typeof input.rawBody === 'string' ? input.rawBody : input.rawBody.toString('utf8');
  const expected = standardWebhookSignature(input.secret, id, timestamp, body);
  // Several space-separated signatures may be sent during secret rotation; any v1 match is enough.
  const matched = signatures
    .split(' ')
    .some((candidate) => candidate.startsWith('v1,') && safeEqual(candidate, expected));
  return matched
    ? { ok: true, id, timestamp }
    : { ok: false, code: 'SIGNATURE_INVALID', message: 'webhook-signature does not match.' };
}
