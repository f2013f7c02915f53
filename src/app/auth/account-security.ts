/**
 * What a signed-in person does to their own account's security, and what an admin may do to
 * anyone's sessions: change the password (knowing the current one), list sessions, end one.
 * Every change writes its audit row in the same transaction, and ending a session closes its
 * inbox sockets on every node at once, the same way a log-out does.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { SessionsEnded } from '../../bus/event-bus.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { LoginLockout } from '../limits/login-lockout.ts';
import { MIN_PASSWORD_LENGTH } from './account-rules.ts';
import { hashPassword, verifyPassword } from './password.ts';

export interface AccountSecurityOptions {
  readonly store: Store;
  readonly clock: () => Date;
  /** Wrong current passwords count as failed log-ins: a stolen session cannot guess freely. */
  readonly lockout?: LoginLockout;
  readonly audit: AuditTrail;
  readonly endSessions: (ended: SessionsEnded) => void;
}

/** A session as its owner sees it: never the token nor its hash. */
export interface SessionView {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly expiresAt: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The session the request was made with. */
  readonly current: boolean;
}

export class AccountSecurity {
  constructor(private readonly options: AccountSecurityOptions) {}

  /**
   * Sets a new password when the current one is right, and ends every other session of the
   * account (this one stays signed in). WRONG_PASSWORD, or LOGIN_LOCKED after as many wrong
   * tries as a log-in allows; VALIDATION_FAILED for a short or unchanged password.
   */
  async changePassword(
    agent: AgentRecord,
    tokenHash: string,
    input: { readonly currentPassword: string; readonly newPassword: string },
    ip: string | null,
  ): Promise<{ endedSessions: number }> {
    const { store, clock, lockout, audit } = this.options;
    if (input.newPassword.length < MIN_PASSWORD_LENGTH)
      throw new BatonError(
        'VALIDATION_FAILED',
        `The new password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      );
    if (input.newPassword === input.currentPassword)
      throw new BatonError('VALIDATION_FAILED', 'The new password is the current one.');
    const attempt = await lockout?.attempt(agent.email);
    if (attempt && !attempt.ok) {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      await audit.session('session.password_change_failed', agent.id, ip, { locked: true });
      throw new BatonError(
        'LOGIN_LOCKED',
        `Too many wrong passwords for this account; try again in ${seconds} s.`,
        { retryAfterMs: attempt.retryAfterMs },
      );
    }
    // The record in hand was read for this request; the hash is read again to compare.
    const stored = await store.agents.findByEmail(agent.email);
    if (!stored || !(await verifyPassword(input.currentPassword, stored.passwordHash))) {
      await audit.session('session.password_change_failed', agent.id, ip, { locked: false });
      throw new BatonError('WRONG_PASSWORD');
    }
    await lockout?.succeeded(agent.email);
    const ended = await store.teamAudit.changePassword(
      agent.id,
      await hashPassword(input.newPassword),
      tokenHash,
      {
        at: clock(),
        actorId: agent.id,
        agentId: agent.id,
        action: 'session.password_changed',
        changes: {},
        ip,
      },
    );
    if (ended === null) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${agent.id}.`);
    for (const sessionHash of ended)
      this.options.endSessions({ agentId: agent.id, sessionHash, reason: 'password changed' });
    return { endedSessions: ended.length };
  }

  /** The account an admin names; AGENT_NOT_FOUND when there is none. */
  async account(id: string): Promise<AgentRecord> {
    const agent = await this.options.store.agents.get(id);
    if (!agent) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${id}.`);
    return agent;
  }

  /** The account's unexpired sessions, newest first; `current` marks the caller's. */
  async listSessions(agentId: string, currentTokenHash: string): Promise<SessionView[]> {
    const sessions = await this.options.store.sessions.list(agentId, this.options.clock());
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.tokenHash === currentTokenHash,
    }));
  }

  /**
   * Ends one session of `ownerId` (the actor's own, or anyone's for an admin: the route
   * decides) and closes its sockets at once. SESSION_NOT_FOUND when the account has no
   * session with that id.
   */
  async revokeSession(
    actor: AgentRecord,
    ownerId: string,
    sessionId: string,
    ip: string | null,
  ): Promise<void> {
    const sessionHash = await this.options.store.teamAudit.revokeSession(ownerId, sessionId, {
      at: this.options.clock(),
      actorId: actor.id,
      agentId: ownerId,
      action: 'session.revoked',
      changes: { sessionId },
      ip,
    });
    if (sessionHash === null)
      throw new BatonError('SESSION_NOT_FOUND', `This account has no session ${sessionId}.`);
    this.options.endSessions({ agentId: ownerId, sessionHash, reason: 'session revoked' });
  }
}
