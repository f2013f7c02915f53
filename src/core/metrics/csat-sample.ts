/**
 * Which bot-only conversations are asked for a rating: a fixed share (`rate`, 0 to 1), chosen
 * by a hash of the conversation id so the same conversation is in or out on every server, on
 * every replay and in every test.
 */
import { createHash } from 'node:crypto';

/** A uniform number in [0, 1) from the id: the first 32 bits of its SHA-256. */
export function sampleHash(conversationId: string): number {
  return createHash('sha256').update(conversationId).digest().readUInt32BE(0) / 2 ** 32;
}

/** Whether this conversation is in a sample of `rate` (0 asks nobody, 1 everybody). */
export function inCsatSample(conversationId: string, rate: number): boolean {
  return sampleHash(conversationId) < rate;
}
