/** Password hashing: scrypt, salted, verifiable, and unforgiving. */
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  unmatchableHash,
  verifyPassword,
} from '../../src/app/auth/password.ts';
import { oldCostHash } from '../helpers/old-password-hash.ts';
import { useRealPasswordCost } from '../helpers/real-password-cost.ts';
import { hashToken, newToken, tokenFrom } from '../../src/app/auth/tokens.ts';

describe('passwords', () => {
  useRealPasswordCost();

  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1000$8$1$AAAA$AAAA')).toBe(false);
    // Over the memory cap (2^22 * 8 * 128 bytes): refused, not allocated.
    expect(await verifyPassword('x', 'scrypt$4194304$8$1$AAAA$AAAA')).toBe(false);
  });

  it('still verifies a hash made at the old cost (N=2^14), and says it needs rehashing', async () => {
    const old = oldCostHash('hunter2-but-longer');
    expect(await verifyPassword('hunter2-but-longer', old)).toBe(true);
    expect(await verifyPassword('hunter3-but-longer', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });
});

describe("the test suite's password cost", () => {
  it('is used only with BATON_TEST_PASSWORD_COST=1, and never under NODE_ENV=production', async () => {
    const saved = { cost: process.env.BATON_TEST_PASSWORD_COST, node: process.env.NODE_ENV };
    try {
      process.env.BATON_TEST_PASSWORD_COST = '1';
      delete process.env.NODE_ENV;
      const cheap = await hashPassword('pw');
      expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
      expect(await verifyPassword('pw', cheap)).toBe(true);
      expect(unmatchableHash()).toMatch(/^scrypt\$1024\$/);
      process.env.NODE_ENV = 'production';
      expect(await hashPassword('pw')).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(needsRehash(cheap)).toBe(true);
      expect(unmatchableHash()).toMatch(/^scrypt\$131072\$8\$1\$/);
    } finally {
      if (saved.cost === undefined) delete process.env.BATON_TEST_PASSWORD_COST;
      else process.env.BATON_TEST_PASSWORD_COST = saved.cost;
      if (saved.node === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = saved.node;
    }
  });
});

describe('tokens', () => {
  it('are long, random and stored only as a hash', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('come from the Authorization header first, then the baton.token. sub-protocol', () => {
    const offer = 'baton, baton.token.p';
    expect(tokenFrom({ authorization: 'Bearer abc', 'sec-websocket-protocol': offer })).toBe('abc');
    expect(tokenFrom({ 'sec-websocket-protocol': offer })).toBe('p');
    expect(tokenFrom({ 'sec-websocket-protocol': 'baton, baton.token.' })).toBeNull();
    expect(tokenFrom({})).toBeNull();
    expect(tokenFrom({ authorization: 'Basic abc' })).toBeNull();
  });
});
