/**
 * Password hashing with scrypt (Node's built-in memory-hard KDF) at OWASP's recommended cost
 * (N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per hash). The stored form
 * carries its parameters, so hashes made at an older cost still verify, and `needsRehash`
 * tells the login to store a new one at today's cost while it has the password in hand.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
export const PASSWORD_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
// scrypt needs 128 * N * r bytes; refuse stored parameters beyond twice today's cost, so a
// tampered row cannot make a login allocate gigabytes.
const MAX_MEMORY = 2 * 128 * PASSWORD_COST.N * PASSWORD_COST.r + 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PASSWORD_COST);
  const { N, r, p } = PASSWORD_COST;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  try {
    const actual = await derive(password, Buffer.from(salt, 'base64url'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt refuses (not a power of two, over the memory cap): not a match.
    return false;
  }
}

/** True when a stored hash was made at another cost than today's: hash it again on login. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  const { N, r: R, p: P } = PASSWORD_COST;
  return scheme !== 'scrypt' || Number(n) !== N || Number(r) !== R || Number(p) !== P;
}
