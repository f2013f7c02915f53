/**
 * The team audit log: one row per change to an account (team API or `baton agents`, whose
 * actor is `cli`), and per customer erasure or export. Ids start
 * with the time, so "newest first" is `id desc` and a page ends where the next one starts
 * (`before` = the last id seen), stable while new entries arrive.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type TeamAuditAction =
  | 'agent.created'
  | 'agent.updated'
  | 'agent.disabled'
  | 'agent.enabled'
  | 'agent.password_reset'
  // Privacy work: `agentId` is empty, `changes` names conversations, never the person.
  | 'customer.erased'
  | 'customer.exported'
  | 'conversations.expired';

export interface TeamAuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly agentId: string;
  readonly action: TeamAuditAction;
  /** What changed: `{ field: { from, to } }` for edits, the new account's fields on creation. */
  readonly changes: Record<string, unknown>;
}

export type NewTeamAuditEntry = Omit<TeamAuditEntry, 'id' | 'at'> & { readonly at: Date };

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
    };
    await db.insertInto('team_audit').values(row).execute();
    return { ...entry, id: row.id, at: row.at };
  }

  /** Newest first; `before` is the last id of the previous page. */
  async page(options: { limit: number; before?: string; agentId?: string }): Promise<{
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
    const rows = await query.execute();
    const entries = rows.slice(0, options.limit).map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      agentId: r.agent_id,
      action: r.action as TeamAuditAction,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
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
}
