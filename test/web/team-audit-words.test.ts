/** The Team tab's audit log says the account-security rows in words (web/dashboard/describe-changes.ts). */
import { describe, expect, it } from 'vitest';
import { describeChanges, type DescribedEntry } from '../../web/dashboard/describe-changes.ts';

const entry = (action: string, changes: Record<string, unknown>): DescribedEntry => ({
  action,
  changes,
});

describe('audit log words for account security', () => {
  it('says how many sessions a password change ended, and why one failed', () => {
    expect(describeChanges(entry('session.password_changed', { endedSessions: 2 }))).toBe(
      '2 other session(s) ended',
    );
    expect(describeChanges(entry('session.password_change_failed', { locked: false }))).toBe(
      'wrong current password',
    );
    expect(describeChanges(entry('session.password_change_failed', { locked: true }))).toBe(
      'account locked',
    );
  });

  it('names the session revoked', () => {
    expect(describeChanges(entry('session.revoked', { sessionId: 's_abc' }))).toBe('session s_abc');
  });

  it('says what went wrong with a two-factor code, and how many recovery codes are left', () => {
    expect(
      describeChanges(entry('totp.check_failed', { during: 'login', wrong: 'replayed' })),
    ).toBe('a code already used (login)');
    expect(describeChanges(entry('totp.check_failed', { during: 'disable', wrong: 'code' }))).toBe(
      'a wrong code (disable)',
    );
    expect(
      describeChanges(entry('totp.check_failed', { during: 'login', wrong: 'recovery_code' })),
    ).toBe('an unknown recovery code (login)');
    expect(describeChanges(entry('totp.recovery_code_used', { recoveryCodesLeft: 8 }))).toBe(
      '8 left',
    );
  });
});
