/**
 * Agents' two-factor state: the TOTP secret (pending, then confirmed), the last time step a
 * code was taken at, and the hashed recovery codes. Taking a step or a recovery code is one
 * conditional statement, so two nodes given the same code at once accept it only once. Every
 * change writes its audit row in the same transaction. Turning two-factor on or off ends the
 * account's other sessions in that transaction too (a reset, all of them): a session opened
 * under the old rule, or on a lost phone, must not outlive the change.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { endSessionsOf } from './session-repository.ts';
import type { NewTeamAuditEntry, TeamAuditRepository } from './team-audit-repository.ts';

export interface TotpState {
  readonly secret: string | null;
  /** When a first code confirmed the secret; null while it is pending. */
  readonly enabledAt: string | null;
}

export class TotpRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: TeamAuditRepository,
  ) {}

  async state(agentId: string): Promise<TotpState | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('id', '=', agentId)
      .executeTakeFirst();
    return row && { secret: row.totp_secret, enabledAt: row.totp_enabled_at };
  }

  /** A new pending secret (replacing a pending one); false when two-factor is already on. */
  async setPending(agentId: string, secret: string, entry: NewTeamAuditEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('agents')
        .set({ totp_secret: secret, totp_last_step: null })
        .where('id', '=', agentId)
        .where('totp_enabled_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await this.audit.record(entry, trx);
      return true;
    });
  }

  /**
   * Confirms the pending `secret` (still the one the code was checked against), stores the
   * step the confirming code was taken at and the new recovery codes' hashes (replacing any),
   * and ends the sessions but `keepTokenHash`. Answers the ended sessions' token hashes, or
   * null when the secret was no longer pending.
   */
  async enable(
    agentId: string,
    secret: string,
    step: number,
    recoveryHashes: readonly string[],
    entry: NewTeamAuditEntry,
    keepTokenHash: string | null,
  ): Promise<string[] | null> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('agents')
        .set({ totp_enabled_at: entry.at.toISOString(), totp_last_step: step })
        .where('id', '=', agentId)
        .where('totp_secret', '=', secret)
        .where('totp_enabled_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      await trx.deleteFrom('agent_recovery_codes').where('agent_id', '=', agentId).execute();
      await trx
        .insertInto('agent_recovery_codes')
        .values(
          recoveryHashes.map((code_hash) => ({
            agent_id: agentId,
            code_hash,
            created_at: entry.at.toISOString(),
          })),
        )
        .execute();
      const ended = await endSessionsOf(trx, agentId, keepTokenHash);
      await this.audit.record(withEnded(entry, ended), trx);
      return ended;
    });
  }

  /** Takes a time step for a log-in: false when this step or a later one was taken already. */
  async takeStep(agentId: string, step: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('agents')
      .set({ totp_last_step: step })
      .where('id', '=', agentId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Uses up a recovery code, with its audit row; false when the account has no such code. */
  async takeRecoveryCode(
    agentId: string,
    codeHash: string,
    entry: NewTeamAuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('agent_recovery_codes')
        .where('agent_id', '=', agentId)
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return false;
      const left = await trx
        .selectFrom('agent_recovery_codes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('agent_id', '=', agentId)
        .executeTakeFirstOrThrow();
      await this.audit.record(
        { ...entry, changes: { ...entry.changes, recoveryCodesLeft: Number(left.n) } },
        trx,
      );
      return true;
    });
  }

  /**
   * Turns two-factor off (pending or confirmed), drops the recovery codes and ends the
   * sessions but `keepTokenHash` (every one when null: a reset for a lost phone). Answers the
   * ended sessions' token hashes, or null when there is no such agent.
   */
  async clear(
    agentId: string,
    entry: NewTeamAuditEntry,
    keepTokenHash: string | null,
  ): Promise<string[] | null> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('agents')
        .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', agentId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      await trx.deleteFrom('agent_recovery_codes').where('agent_id', '=', agentId).execute();
      const ended = await endSessionsOf(trx, agentId, keepTokenHash);
      await this.audit.record(withEnded(entry, ended), trx);
      return ended;
    });
  }
}

function withEnded(entry: NewTeamAuditEntry, ended: readonly string[]): NewTeamAuditEntry {
  return { ...entry, changes: { ...entry.changes, endedSessions: ended.length } };
}
