/**
 * Verified customer identity, as Intercom (`user_hash`), Chatwoot (`identifier_hash`) and
 * Zendesk (messaging JWT) do it: the host site, which knows who is logged in, signs the
 * visitor with a secret it shares with Baton. Without a valid signature the customer record
 * is only what a browser claimed, so it is stored with `verified: false`: it never links to
 * another conversation's customer and never moves priority (see trusted-customer.ts).
 * Returns a value for every outcome; the HTTP edge maps the codes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

export interface IdentitySettings {
  /** Shared with the host site; null when none is configured (everyone is unverified). */
  readonly secret: string | null;
  /** Refuse visitors who come without a signature. */
  readonly require: boolean;
}

/** What the host page handed the widget (or a script sent beside `customer`). */
export interface IdentityProof {
  readonly userHash?: string | undefined;
  readonly identityToken?: string | undefined;
}

export type IdentityVerification =
  | { readonly ok: true; readonly customer: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly code: 'IDENTITY_INVALID' | 'IDENTITY_REQUIRED';
      readonly reason: string;
    };

/** Claims that raise priority or match policy rules: counted only when signed in a token. */
export const PRIORITY_CLAIMS = [
  'tier',
  'lifetime_value',
  'lifetimeValue',
  'at_risk_of_churn',
  'previous_escalations',
] as const;

/** Seconds of clock difference tolerated on `exp`, `nbf` and `iat`. */
export const TOKEN_CLOCK_LEEWAY_SECONDS = 30;

// Registered JWT claims say nothing about the customer.
const REGISTERED_CLAIMS = new Set(['iss', 'aud', 'exp', 'nbf', 'iat', 'jti', 'sub']);

/** `hex(HMAC-SHA256(secret, value))`: what the host site computes for `userHash`. */
export function identityHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value, 'utf8').digest('hex');
}

export async function verifyCustomerIdentity(
  claimed: Readonly<Record<string, unknown>>,
  proof: IdentityProof,
  settings: IdentitySettings,
  now: Date,
): Promise<IdentityVerification> {
  // Whatever the browser says about its own verification is ignored.
  const { verified: _v, verifiedBy: _by, ...customer } = claimed;
  const signed = proof.identityToken !== undefined || proof.userHash !== undefined;
  if (settings.secret === null || !signed) {
    if (settings.require)
      return {
        ok: false,
        code: 'IDENTITY_REQUIRED',
        reason:
          settings.secret === null
            ? 'identity.require is on but no identity.secret is configured'
            : 'this server only accepts visitors signed by the host site (userHash or identityToken)',
      };
    return { ok: true, customer: { ...customer, verified: false } };
  }
  if (proof.identityToken !== undefined)
    return verifyToken(proof.identityToken, settings.secret, now);
  return verifyHash(customer, proof.userHash ?? '', settings.secret);
}

function verifyHash(
  customer: Record<string, unknown>,
  userHash: string,
  secret: string,
): IdentityVerification {
  const subject = hashedValue(customer);
  if (subject === null)
    return { ok: false, code: 'IDENTITY_INVALID', reason: 'userHash needs customer.id or email' };
  const expected = Buffer.from(identityHash(secret, subject), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(userHash) ? Buffer.from(userHash, 'hex') : null;
  if (given === null || !timingSafeEqual(expected, given))
    return {
      ok: false,
      code: 'IDENTITY_INVALID',
      reason: 'userHash is not the HMAC-SHA256 of the customer id (or email) with the secret',
    };
  // The hash covers the identity only: claims beside it are still the browser's word.
  const identityOnly = { ...customer };
  for (const claim of PRIORITY_CLAIMS) delete identityOnly[claim];
  return { ok: true, customer: { ...identityOnly, verified: true, verifiedBy: 'user_hash' } };
}

/** The customer id, else the email: the value `userHash` signs. */
function hashedValue(customer: Record<string, unknown>): string | null {
  if (typeof customer.id === 'string' && customer.id !== '') return customer.id;
  if (typeof customer.email === 'string' && customer.email !== '') return customer.email;
  return null;
}

async function verifyToken(
  token: string,
  secret: string,
  now: Date,
): Promise<IdentityVerification> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      clockTolerance: TOKEN_CLOCK_LEEWAY_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    return { ok: false, code: 'IDENTITY_INVALID', reason: tokenProblem(error) };
  }
  const customer: Record<string, unknown> = {};
  for (const [claim, value] of Object.entries(payload))
    if (!REGISTERED_CLAIMS.has(claim)) customer[claim] = value;
  if (typeof payload.sub === 'string' && payload.sub !== '') customer.id = payload.sub;
  if (hashedValue(customer) === null)
    return { ok: false, code: 'IDENTITY_INVALID', reason: 'identityToken needs sub or email' };
  // The token's claims are the whole record: nothing the browser sent beside it is kept.
  return { ok: true, customer: { ...customer, verified: true, verifiedBy: 'identity_token' } };
}

function tokenProblem(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'identityToken has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `identityToken claim ${error.claim} is ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'identityToken is not signed with this secret';
  return 'identityToken is not a valid HS256 JWT';
}
