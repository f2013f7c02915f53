/**
 * Meta's webhook signature (WhatsApp Cloud API, Messenger, Instagram):
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 */
import { createHmac } from 'node:crypto';
import type { InboundRequest, InboundResult } from '../channel-adapter.ts';
import { getHeader } from '../get-header.ts';
import { reject } from '../reject.ts';
import { safeEqual } from '../safe-equal.ts';

export function signMetaBody(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** `undefined` when the signature is good, else the rejection to answer with. */
export function verifyMetaSignature(
  request: InboundRequest,
  appSecret: string,
): InboundResult | undefined {
  const header = getHeader(request.headers, 'x-hub-signature-256');
  if (!header) return reject('SIGNATURE_MISSING', 'X-Hub-Signature-256 is missing.');
  // Hex digits are case-insensitive; Meta sends lower case, normalise before comparing.
  const given = header.trim().toLowerCase();
  if (!safeEqual(given, signMetaBody(appSecret, request.rawBody))) {
    return reject('SIGNATURE_INVALID', 'X-Hub-Signature-256 does not match the body.');
  }
  return undefined;
}
