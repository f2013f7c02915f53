/** The Team tab's audit log says the account-security rows in words (web/dashboard/team-audit.tsx). */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../web/dashboard/team-api.ts';

// The page's API module reads its origin when loaded; a page always has one.
Object.assign(globalThis, { location: new URL('http://localhost/') });
const { describeChanges } = await import('../../web/dashboard/team-audit.tsx');

const entry = (action: string, changes: Record<string, unknown>): AuditEntry =>
  ({
    id: 'ta_1',
    at: '2026-01-01T00:00:00.000Z',
    action,
    actor: { id: 'a1', name: 'Alex' },
    agent: { id: 'a1', name: 'Alex' },
    changes,
    ip: '127.0.0.1',
  }) as AuditEntry;

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
    expect(describeChanges(entry('session.revoked', { sessionId: 's_abc' }))).toBe(
      'session s_abc',
    );
  });
});
