/**
 * Agent log-in and log-out: checks the password (at the same cost whether or not the email is
 * known), upgrades an old-cost hash while the password is in hand, and keeps session tokens
 * only as hashes.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { LoginLockout } from '../limits/login-lockout.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import { hashToken, newToken } from './tokens.ts';

// Compared against when the email is unknown, so both failures cost the same time: made at
// today's cost (an old-cost dummy would answer "no such account" ten times faster).
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

export interface AgentSessionsOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly sessionTtlHours: number;
  /** Per-account lockout (src/app/limits/login-lockout.ts); none: unlimited attempts. */
  readonly lockout?: LoginLockout;
}

export class AgentSessions {
  constructor(private readonly options: AgentSessionsOptions) {}

  /**
   * A new session token for the agent; INVALID_CREDENTIALS for a wrong email or password,
   * LOGIN_LOCKED (with `retryAfterMs`) while the email is locked, known or not.
   */
  async logIn(email: string, password: string): Promise<{ token: string; agent: AgentRecord }> {
    const { store, clock, sessionTtlHours, lockout } = this.options;
    const attempt = await lockout?.attempt(email);
    if (attempt && !attempt.ok) {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      throw new BatonError(
        'LOGIN_LOCKED',
        `Too many wrong passwords for this account; try again in ${seconds} s.`,
        { retryAfterMs: attempt.retryAfterMs },
      );
    }
    const agent = await store.agents.findByEmail(email);
    const ok = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
    if (!agent || !ok) throw new BatonError('INVALID_CREDENTIALS');
    await lockout?.succeeded(email);
    // A hash from before the cost was raised is replaced while the password is in hand.
    if (needsRehash(agent.passwordHash)) {
      await store.agents.update(agent.id, { passwordHash: await hashPassword(password) });
    }
    const token = newToken();
    const now = clock();
    const expires = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    await store.agents.createSession(hashToken(token), agent.id, now, expires);
    return { token, agent };
  }

  /** Ends the session this token opened. */
  logOut(token: string): Promise<void> {
    return this.options.store.agents.deleteSession(hashToken(token));
  }
}
