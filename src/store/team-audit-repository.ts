/**
 * The audit log: one row per agent and admin action — a change to an account (team API or
 * `baton agents`, whose actor is `cli`), a log-in, failed log-in or log-out, a claim, reply,
 * transfer, reassignment, resolution or return to the bot, a policy or knowledge-base reload,
 * and a customer erasure or export — with who, when and from which address. Ids start
 * with the time, so "newest first" is `id desc` and a page ends where the next one starts
 * (`before` = the last id seen), stable while new entries arrive.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { endSessionsOf } from './session-repository.ts';

export type TeamAuditAction =
  | 'agent.created'
  | 'agent.updated'
  | 'agent.disabled'
  | 'agent.enabled'
  | 'agent.password_reset'
  // Privacy work: `agentId` is empty, `changes` names conversations, never the person.
  | 'customer.erased'
  | 'customer.exported'
  | 'conversations.expired'
  // PostgreSQL's compaction window: `changes` names the tables rewritten and those left.
  | 'privacy.compacted'
  // Sessions: `agentId` is the account (empty for an unknown email, which `changes` names).
  | 'session.logged_in'
  | 'session.login_failed'
  | 'session.logged_out'
  | 'session.password_changed'
  | 'session.password_change_failed'
  | 'session.revoked'
  // Two-factor log-in: `agentId` is the account; an admin's or the CLI's reset names its actor.
  | 'totp.setup_started'
  | 'totp.enabled'
  | 'totp.disabled'
  | 'totp.check_failed'
  | 'totp.recovery_code_used'
  | 'totp.reset'
  // Conversation work: `agentId` is the agent acting, `changes.conversationId` the conversation.
  | 'conversation.claimed'
  | 'conversation.declined'
  | 'conversation.replied'
  | 'conversation.noted'
  | 'conversation.transferred'
  | 'conversation.reassigned'
  | 'conversation.resolved'
  | 'conversation.returned_to_bot'
  | 'conversation.called_back'
  // Configuration reloads: `changes` says whether it was taken and which version.
  | 'policy.reloaded'
  | 'knowledge_base.reloaded';

export interface TeamAuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly agentId: string;
  readonly action: TeamAuditAction;
  /** What changed: `{ field: { from, to } }` for edits, the new account's fields on creation. */
  readonly changes: Record<string, unknown>;
  /** The client address the action came from; null for the CLI and older rows. */
  readonly ip: string | null;
}

export type NewTeamAuditEntry = Omit<TeamAuditEntry, 'id' | 'at' | 'ip'> & {
  readonly at: Date;
  readonly ip?: string | null;
};

let counter = 0;

/** Time first (fixed width, so text order is time order), a counter within the millisecond, then randomness for other nodes. */
function auditId(at: Date): string {
  counter = (counter + 1) % 36 ** 4;
  return `ta_${at.getTime().toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

export class TeamAuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: NewTeamAuditEntry, db: Kysely<Database> = this.db): Promise<TeamAuditEntry> {
    const row = {
      id: auditId(entry.at),
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      agent_id: entry.agentId,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
      ip: entry.ip ?? null,
    };
    await db.insertInto('team_audit').values(row).execute();
    return { ...entry, id: row.id, at: row.at, ip: row.ip };
  }

  /**
   * Newest first; `before` is the last id of the previous page. `action` is one action, or a
   * family when it ends with a dot (`session.` reads log-ins, failures and log-outs).
   */
  async page(options: {
    limit: number;
    before?: string;
    agentId?: string;
    action?: string;
  }): Promise<{
    entries: TeamAuditEntry[];
    next: string | null;
  }> {
    let query = this.db
      .selectFrom('team_audit')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.limit + 1);
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    if (options.agentId !== undefined) query = query.where('agent_id', '=', options.agentId);
    if (options.action !== undefined) {
      const family = options.action.endsWith('.');
      // The route's pattern lets only letters, dots and underscores through, so no `%` reaches
      // LIKE; its `_` matches any one character, which no two action names differ by.
      query = family
        ? query.where('action', 'like', `${options.action}%`)
        : query.where('action', '=', options.action);
    }
    const rows = await query.execute();
    const entries = rows.slice(0, options.limit).map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      agentId: r.agent_id,
      action: r.action as TeamAuditAction,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
      ip: r.ip,
    }));
    return { entries, next: rows.length > options.limit ? (entries.at(-1)?.id ?? null) : null };
  }

  /**
   * A new password and the end of every session, with its audit row, in one transaction: the
   * agent table's repository can only end sessions by disabling the account.
   */
  async resetPassword(agentId: string, passwordHash: string, entry: NewTeamAuditEntry) {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('agents')
        .set({ password_hash: passwordHash })
        .where('id', '=', agentId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      await trx.deleteFrom('sessions').where('agent_id', '=', agentId).execute();
      return this.record(entry, trx);
    });
  }

  /**
   * The signed-in person's new password, the end of every other session they had, and the
   * audit row, in one transaction. Answers the ended sessions' token hashes (their sockets
   * are closed next), or null when the account is gone.
   */
  async changePassword(
    agentId: string,
    passwordHash: string,
    keepTokenHash: string,
    entry: NewTeamAuditEntry,
  ): Promise<string[] | null> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('agents')
        .set({ password_hash: passwordHash })
        .where('id', '=', agentId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      const ended = await endSessionsOf(trx, agentId, keepTokenHash);
      await this.record(
        { ...entry, changes: { ...entry.changes, endedSessions: ended.length } },
        trx,
      );
      return ended;
    });
  }

  /** Ends one session with its audit row; its token hash, or null when there is no such one. */
  async revokeSession(
    agentId: string,
    sessionId: string,
    entry: NewTeamAuditEntry,
  ): Promise<string | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom('sessions')
        .where('agent_id', '=', agentId)
        .where('id', '=', sessionId)
        .returning('token_hash')
        .executeTakeFirst();
      if (!row) return null;
      await this.record(entry, trx);
      return row.token_hash;
    });
  }
}
