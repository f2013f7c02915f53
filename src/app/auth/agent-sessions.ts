/**
 * Agent log-in and log-out: checks the password (at the same cost whether or not the email is
 * known), upgrades an old-cost hash while the password is in hand, and keeps session tokens
 * only as hashes. Every log-in, failure and log-out goes to the audit log with the address it
 * came from; a log-out closes the session's inbox sockets on every node at once.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { SessionsEnded } from '../../bus/event-bus.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { LoginLockout } from '../limits/login-lockout.ts';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from './password.ts';
import { hashToken, newSessionId, newToken } from './tokens.ts';
import type { TwoFactor } from './two-factor.ts';

export interface AgentSessionsOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly sessionTtlHours: number;
  /** Per-account lockout (src/app/limits/login-lockout.ts); none: unlimited attempts. */
  readonly lockout?: LoginLockout;
  readonly audit?: AuditTrail;
  /** Closes the ended session's sockets (the realtime hub, through the bus). */
  readonly endSessions?: (ended: SessionsEnded) => void;
  /** Checks the code of an account with two-factor log-in on; none: no account has it on. */
  readonly twoFactor?: TwoFactor;
  /** `auth.requireTotp`: an account without two-factor gets a session only to set it up. */
  readonly requireTotp?: boolean;
}

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** The authenticator app's code, or a recovery code, for an account with two-factor on. */
  readonly totpCode?: string | undefined;
}

export class AgentSessions {
  constructor(private readonly options: AgentSessionsOptions) {}

  /**
   * A new session token for the agent; INVALID_CREDENTIALS for a wrong email or password,
   * LOGIN_LOCKED (with `retryAfterMs`) while the email is locked, known or not. With two-factor
   * on: TOTP_REQUIRED without a code, TOTP_INVALID for a wrong or used one. Until a right code,
   * the attempt stays counted: the password alone never clears the lockout's count.
   * `enrolmentOnly`: the session may only set up two-factor (`auth.requireTotp`).
   */
  async logIn(
    input: LoginInput,
    ip: string | null = null,
    userAgent: string | null = null,
  ): Promise<{ token: string; agent: AgentRecord; enrolmentOnly: boolean }> {
    const { email, password } = input;
    const { store, lockout, audit, twoFactor } = this.options;
    const attempt = await lockout?.attempt(email);
    if (attempt && !attempt.ok) {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      const known = await store.agents.findByEmail(email);
      await audit?.session('session.login_failed', known?.id ?? '', ip, {
        ...attemptedEmail(email, known),
        locked: true,
      });
      throw new BatonError(
        'LOGIN_LOCKED',
        `Too many wrong passwords for this account; try again in ${seconds} s.`,
        { retryAfterMs: attempt.retryAfterMs },
      );
    }
    const agent = await store.agents.findByEmail(email);
    // An unknown email is checked against a hash at today's cost, so both failures take the
    // same time (an old-cost dummy would answer "no such account" ten times faster).
    const ok = await verifyPassword(password, agent?.passwordHash ?? unmatchableHash());
    if (!agent || !ok) {
      await audit?.session('session.login_failed', agent?.id ?? '', ip, {
        ...attemptedEmail(email, agent),
        locked: false,
      });
      throw new BatonError('INVALID_CREDENTIALS');
    }
    if (agent.totpEnabled) {
      if (!input.totpCode) throw new BatonError('TOTP_REQUIRED');
      if (!twoFactor || !(await twoFactor.takeLoginCode(agent, input.totpCode, ip)))
        throw new BatonError('TOTP_INVALID');
    }
    await lockout?.succeeded(email);
    // A hash from before the cost was raised is replaced while the password is in hand.
    if (needsRehash(agent.passwordHash)) {
      await store.agents.update(agent.id, { passwordHash: await hashPassword(password) });
    }
    const token = await this.openSession(agent, ip, userAgent);
    const enrolmentOnly = this.options.requireTotp === true && !agent.totpEnabled;
    await audit?.session('session.logged_in', agent.id, ip, enrolmentOnly ? { enrolmentOnly } : {});
    return { token, agent, enrolmentOnly };
  }

  /**
   * A session for an agent whose identity was proven elsewhere (the OpenID Connect provider,
   * oidc-sign-in.ts): the same token and session record as a password log-in, audited as a
   * log-in with `details` saying how (`{ method: 'oidc' }`).
   */
  async openVerified(
    agent: AgentRecord,
    ip: string | null,
    userAgent: string | null,
    details: Record<string, unknown>,
  ): Promise<{ token: string; agent: AgentRecord }> {
    const token = await this.openSession(agent, ip, userAgent);
    await this.options.audit?.session('session.logged_in', agent.id, ip, details);
    return { token, agent };
  }

  /** A new session token for the agent, stored as its hash with where it was opened from. */
  private async openSession(
    agent: AgentRecord,
    ip: string | null,
    userAgent: string | null,
  ): Promise<string> {
    const { store, clock, sessionTtlHours } = this.options;
    const token = newToken();
    const now = clock();
    const expires = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    await store.agents.createSession(hashToken(token), agent.id, now, expires, {
      id: newSessionId(),
      ip,
      // A browser's user agent is a few hundred characters; a longer one is not a browser.
      userAgent: userAgent?.slice(0, 500) ?? null,
    });
    return token;
  }

  /** Ends the session this token opened, and closes its sockets on every node. */
  async logOut(token: string, agent: AgentRecord, ip: string | null = null): Promise<void> {
    const sessionHash = hashToken(token);
    await this.options.store.agents.deleteSession(sessionHash);
    this.options.endSessions?.({ agentId: agent.id, sessionHash, reason: 'logged out' });
    await this.options.audit?.session('session.logged_out', agent.id, ip);
  }
}

/**
 * An unknown email is kept so the log shows what was tried; anything that is not an address
 * (a password typed into the email field, say) is withheld.
 */
function attemptedEmail(email: string, known: AgentRecord | undefined): Record<string, string> {
  if (known) return {};
  const tried = email.trim().slice(0, 320);
  return /\s/.test(tried) || !tried.includes('@')
    ? { email: '(not an address)' }
    : { email: tried };
}
