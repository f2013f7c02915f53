/**
 * Two-factor log-in with an authenticator app: a person sets it up (their password needed),
 * confirms it with a first code (and receives ten one-time recovery codes), and turns it off
 * (password and a code); an admin or `baton agents reset-totp` clears it for someone who lost
 * their phone. At log-in, a code is taken once: the step it belongs to must be later than the
 * last one taken, so a code seen over someone's shoulder cannot be used again. Turning it on
 * or off ends the person's other sessions, as a password change does; a reset ends all of
 * them, since the lost phone may hold one.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { TeamAuditAction } from '../../store/team-audit-repository.ts';
import type { SessionsEnded } from '../../bus/event-bus.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { LoginLockout } from '../limits/login-lockout.ts';
import { verifyPassword } from './password.ts';
import {
  hashRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from './totp-codes.ts';

export interface TwoFactorOptions {
  readonly store: Store;
  readonly clock: () => Date;
  /** Wrong passwords and codes count as failed log-ins, as a password change's do. */
  readonly lockout?: LoginLockout;
  readonly audit: AuditTrail;
  /** Closes the sockets of sessions that ended (on every node). */
  readonly endSessions: (ended: SessionsEnded) => void;
}

/** Where a code was checked, for the audit row of a failure. */
type CheckedDuring = 'login' | 'confirm' | 'disable';

export class TwoFactor {
  constructor(private readonly options: TwoFactorOptions) {}

  /**
   * A new secret, pending until `confirm`: the otpauth:// URI for the app and the secret as
   * text. TOTP_ALREADY_ENABLED when two-factor is on (turn it off first).
   */
  async setup(
    agent: AgentRecord,
    password: string,
    ip: string | null,
  ): Promise<{ secret: string; uri: string }> {
    // Before the password: a right password clears the lockout's count, which must not be
    // had here for free while two-factor is on.
    if (agent.totpEnabled) throw new BatonError('TOTP_ALREADY_ENABLED');
    await this.checkPassword(agent, password);
    const secret = newTotpSecret();
    const set = await this.options.store.totp.setPending(
      agent.id,
      secret,
      this.entry(agent.id, agent.id, 'totp.setup_started', ip),
    );
    if (!set) throw new BatonError('TOTP_ALREADY_ENABLED');
    return { secret, uri: totpUri(secret, agent.email) };
  }

  /** A code from the app turns the pending secret on; answers the recovery codes, shown once. */
  async confirm(
    agent: AgentRecord,
    tokenHash: string,
    code: string,
    ip: string | null,
  ): Promise<{ recoveryCodes: string[]; endedSessions: number }> {
    const { store, clock } = this.options;
    const state = await store.totp.state(agent.id);
    if (!state?.secret || state.enabledAt !== null) throw new BatonError('TOTP_NOT_PENDING');
    const step = matchingStep(state.secret, code, clock());
    if (step === null) {
      await this.failed(agent.id, ip, 'confirm', 'code');
      throw new BatonError('WRONG_TOTP_CODE');
    }
    const recoveryCodes = newRecoveryCodes();
    const ended = await store.totp.enable(
      agent.id,
      state.secret,
      step,
      recoveryCodes.map(hashRecoveryCode),
      this.entry(agent.id, agent.id, 'totp.enabled', ip, {
        recoveryCodes: recoveryCodes.length,
      }),
      tokenHash,
    );
    // Set up again or confirmed by another request in between.
    if (ended === null) throw new BatonError('TOTP_NOT_PENDING');
    this.closeSockets(agent.id, ended, 'two-factor turned on');
    return { recoveryCodes, endedSessions: ended.length };
  }

  /** Turns two-factor off: the password and a current code (or a recovery code) needed. */
  async disable(
    agent: AgentRecord,
    tokenHash: string,
    input: { readonly password: string; readonly code: string },
    ip: string | null,
  ): Promise<void> {
    if (!agent.totpEnabled) throw new BatonError('TOTP_NOT_ENABLED');
    await this.checkPassword(agent, input.password, true);
    if (!(await this.takeCode(agent, input.code, ip, 'disable'))) {
      throw new BatonError('WRONG_TOTP_CODE');
    }
    await this.options.lockout?.succeeded(agent.email);
    const ended = await this.options.store.totp.clear(
      agent.id,
      this.entry(agent.id, agent.id, 'totp.disabled', ip),
      tokenHash,
    );
    this.closeSockets(agent.id, ended ?? [], 'two-factor turned off');
  }

  /** An admin's (or the CLI's, actor `cli`) reset for someone who lost their authenticator. */
  async reset(actorId: string, agentId: string, ip: string | null): Promise<void> {
    const agent = await this.options.store.agents.get(agentId);
    if (!agent) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${agentId}.`);
    const ended = await this.options.store.totp.clear(
      agentId,
      this.entry(actorId, agentId, 'totp.reset', ip, { wasEnabled: agent.totpEnabled }),
      null,
    );
    this.closeSockets(agentId, ended ?? [], 'two-factor reset');
  }

  private closeSockets(agentId: string, ended: readonly string[], reason: string): void {
    for (const sessionHash of ended) this.options.endSessions({ agentId, sessionHash, reason });
  }

  /**
   * The second factor of a log-in whose password was right: a current code not taken before,
   * or an unused recovery code (then used up). False for anything else, audited.
   */
  takeLoginCode(agent: AgentRecord, code: string, ip: string | null): Promise<boolean> {
    return this.takeCode(agent, code, ip, 'login');
  }

  private async takeCode(
    agent: AgentRecord,
    code: string,
    ip: string | null,
    during: CheckedDuring,
  ): Promise<boolean> {
    const { store, clock } = this.options;
    const trimmed = code.trim();
    if (!isTotpCode(trimmed)) {
      const used = await store.totp.takeRecoveryCode(
        agent.id,
        hashRecoveryCode(trimmed),
        this.entry(agent.id, agent.id, 'totp.recovery_code_used', ip, { during }),
      );
      if (!used) await this.failed(agent.id, ip, during, 'recovery_code');
      return used;
    }
    const state = await store.totp.state(agent.id);
    const step =
      state?.secret && state.enabledAt ? matchingStep(state.secret, trimmed, clock()) : null;
    if (step === null) {
      await this.failed(agent.id, ip, during, 'code');
      return false;
    }
    if (!(await store.totp.takeStep(agent.id, step))) {
      await this.failed(agent.id, ip, during, 'replayed');
      return false;
    }
    return true;
  }

  /** WRONG_PASSWORD (or LOGIN_LOCKED); counts toward the lockout, cleared by `succeeded`. */
  private async checkPassword(agent: AgentRecord, password: string, keepCount = false) {
    const { store, lockout } = this.options;
    const attempt = await lockout?.attempt(agent.email);
    if (attempt && !attempt.ok) {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      throw new BatonError(
        'LOGIN_LOCKED',
        `Too many wrong passwords or codes for this account; try again in ${seconds} s.`,
        { retryAfterMs: attempt.retryAfterMs },
      );
    }
    const stored = await store.agents.findByEmail(agent.email);
    if (!stored || !(await verifyPassword(password, stored.passwordHash)))
      throw new BatonError('WRONG_PASSWORD');
    // Disabling counts the attempt until its code is right too.
    if (!keepCount) await lockout?.succeeded(agent.email);
  }

  private failed(agentId: string, ip: string | null, during: CheckedDuring, wrong: string) {
    return this.options.audit.totpFailed(agentId, ip, { during, wrong });
  }

  private entry(
    actorId: string,
    agentId: string,
    action: TeamAuditAction,
    ip: string | null,
    changes: Record<string, unknown> = {},
  ) {
    return { at: this.options.clock(), actorId, agentId, action, changes, ip };
  }
}
