/** The pure verification: modes without a secret, and what the policy may believe. */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  identityHash,
  verifyCustomerIdentity,
} from '../../../src/core/customer/identity-verification.ts';
import { trustedCustomer } from '../../../src/core/customer/trusted-customer.ts';

const now = new Date('2026-03-02T10:00:00Z');

describe('verifyCustomerIdentity', () => {
  it('without a secret, everyone is unverified, even with a userHash or a token', async () => {
    const settings = { secret: null, require: false };
    const hash = identityHash('whatever-secret-0123', 'u-1');
    for (const proof of [{}, { userHash: hash }, { identityToken: 'a.b.c' }]) {
      expect(await verifyCustomerIdentity({ id: 'u-1' }, proof, settings, now)).toEqual({
        ok: true,
        customer: { id: 'u-1', verified: false },
      });
    }
  });

  it('with require and no secret, refuses everyone', async () => {
    const result = await verifyCustomerIdentity(
      { id: 'u-1' },
      {},
      { secret: null, require: true },
      now,
    );
    expect(result).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED' });
  });

  it('takes a token up to 30 seconds past its exp, and not after', async () => {
    const secret = 'identity-secret-0123';
    const exp = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ email: 'ann@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
    const at = (seconds: number) =>
      verifyCustomerIdentity(
        {},
        { identityToken: token },
        { secret, require: false },
        new Date(now.getTime() + seconds * 1000),
      );
    expect(await at(29)).toMatchObject({ ok: true, customer: { id: 'u-1', verified: true } });
    expect(await at(31)).toMatchObject({ ok: false, code: 'IDENTITY_INVALID' });
  });

  it('a userHash needs an id or an email to sign', async () => {
    const settings = { secret: 'identity-secret-0123', require: false };
    const result = await verifyCustomerIdentity({ name: 'Ann' }, { userHash: 'ab' }, settings, now);
    expect(result).toMatchObject({ ok: false, code: 'IDENTITY_INVALID' });
  });
});

describe('trustedCustomer', () => {
  const claims = { id: 'u-1', tier: 'enterprise', lifetime_value: 9000, at_risk_of_churn: true };
  it('keeps priority claims only when an identity token signed them', () => {
    expect(trustedCustomer({ ...claims, verified: true, verifiedBy: 'identity_token' })).toEqual({
      ...claims,
      verified: true,
      verifiedBy: 'identity_token',
    });
    expect(trustedCustomer({ ...claims, verified: false })).toEqual({ id: 'u-1', verified: false });
    expect(trustedCustomer({ ...claims, verified: true, verifiedBy: 'user_hash' })).toEqual({
      id: 'u-1',
      verified: true,
      verifiedBy: 'user_hash',
    });
  });
});
