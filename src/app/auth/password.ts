/**
 * Password hashing with scrypt (Node's built-in memory-hard KDF) at OWASP's recommended cost
 * (N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per hash). The stored form
 * carries its parameters, so hashes made at an older cost still verify, and `needsRehash`
 * tells the login to store a new one at today's cost while it has the password in hand.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
export const PASSWORD_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/**
 * A test suite's cost, as Devise's `stretches = 1` and Django's test hashers: the suite logs in
 * thousands of times, and at OWASP's cost each log-in takes 128 MiB and up to seconds of a
 * loaded CI core. Only with BATON_TEST_PASSWORD_COST=1 (set by vitest.config.ts), never
 * under NODE_ENV=production; test/app/password.test.ts holds the real cost without it.
 */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 } as const;
// scrypt needs 128 * N * r bytes; refuse stored parameters beyond twice today's cost, so a
// tampered row cannot make a login allocate gigabytes.
const MAX_MEMORY = 2 * 128 * PASSWORD_COST.N * PASSWORD_COST.r + 1024 * 1024;

export function isTestPasswordCost(): boolean {
  return process.env.BATON_TEST_PASSWORD_COST === '1' && process.env.NODE_ENV !== 'production';
}

/** The cost new hashes are made at (read per call, so a test can turn the test cost off). */
export function passwordCost(): { readonly N: number; readonly r: number; readonly p: number } {
  return isTestPasswordCost() ? TEST_COST : PASSWORD_COST;
}

/** A well-formed hash at today's cost that no password matches (an unknown email's check). */
export function unmatchableHash(): string {
  const { N, r, p } = passwordCost();
  return `scrypt$${N}$${r}$${p}$${'A'.repeat(22)}$${'A'.repeat(86)}`;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const cost = passwordCost();
  const key = await derive(password, salt, cost);
  const { N, r, p } = cost;
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
  const { N, r: R, p: P } = passwordCost();
  return scheme !== 'scrypt' || Number(n) !== N || Number(r) !== R || Number(p) !== P;
}
