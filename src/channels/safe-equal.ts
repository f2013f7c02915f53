/** Constant-time string comparison for secrets and signatures. */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares SHA-256 digests rather than the strings so that inputs of different length take
 * the same time too (timingSafeEqual itself throws on a length mismatch).
 */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}
