/**
 * Time-based one-time codes (RFC 6238 through the `otpauth` library: SHA-1, 6 digits, 30 s,
 * what every authenticator app reads) and recovery codes. Pure functions of a secret, a code
 * and a time; the store keeps which step was last taken.
 */
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** A code from the step before or after now is taken too: phones' clocks drift. */
const WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
const TOTP_CODE = /^\d{6}$/;

function totp(secret: string, email = ''): TOTP {
  return new TOTP({
    issuer: 'Baton',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 160 random bits, base32: RFC 4226's recommended length. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://totp/…` URI an authenticator app scans or pastes. */
export const totpUri = (secret: string, email: string): string => totp(secret, email).toString();

export const isTotpCode = (code: string): boolean => TOTP_CODE.test(code);

/** The time step the code belongs to (now, or one step either side), or null when it matches none. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!isTotpCode(code)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  return delta === null ? null : generator.counter({ timestamp: now.getTime() }) + delta;
}

/** Ten codes like `k7q2-m3xd-4hfa` (base32): 60 random bits each, shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = new Secret({ size: 8 }).base32.toLowerCase();
    return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}`;
  });
}

/**
 * What is stored for a recovery code: its SHA-256, case, spaces and dashes aside. The codes
 * are random, not chosen by people, so a fast hash is enough (as for session tokens).
 */
export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normal).digest('hex');
}
