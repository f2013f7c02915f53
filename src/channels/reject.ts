/** Builders for the `rejected` result and the body-size guard every adapter applies first. */
import { REJECTION_STATUS, type InboundResult, type RejectionCode } from './channel-adapter.ts';

/** Providers' payloads are a few KiB; 1 MiB is far above any real webhook. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export function reject(code: RejectionCode, message: string): InboundResult {
  return { kind: 'rejected', status: REJECTION_STATUS[code], code, message };
}

/** Checked before the signature so an oversized body is never hashed or parsed. */
export function rejectOversized(rawBody: Buffer): InboundResult | undefined {
  return rawBody.length > MAX_WEBHOOK_BODY_BYTES
    ? reject('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.`)
    : undefined;
}
