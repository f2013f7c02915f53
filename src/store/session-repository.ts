/**
 * Agents' sessions as their owner (or an admin) sees them: listed by id, with when they were
 * opened and last used and where from, and ended one at a time. The token is never stored,
 * and its hash never leaves this module but to close the ended session's sockets.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export interface SessionRecord {
  readonly id: string;
  readonly agentId: string;
  /** The token's hash: for closing the session's sockets, never for an answer. */
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** When a request last used it (written at most once a minute); null before migration 023. */
  readonly lastSeenAt: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A session is marked as used at most this often, so requests do not each write a row. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The agent's unexpired sessions, newest first. */
  async list(agentId: string, now: Date): Promise<SessionRecord[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('agent_id', '=', agentId)
      .where('expires_at', '>', now.toISOString())
      .where('id', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id as string,
      agentId: r.agent_id,
      tokenHash: r.token_hash,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      userAgent: r.user_agent,
    }));
  }

  /**
   * Gives the session a new token hash, once: false when no session has `fromHash` (never
   * was, ended, or already moved on). One conditional statement, so of two nodes asked at
   * once only one succeeds.
   */
  async rekey(fromHash: string, toHash: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('sessions')
      .set({ token_hash: toHash })
      .where('token_hash', '=', fromHash)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Records a use of the session, unless one was recorded within the last minute. */
  async touch(tokenHash: string, now: Date): Promise<void> {
    const stale = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS).toISOString();
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', stale)]))
      .execute();
  }
}

/**
 * Ends the agent's sessions but `keepTokenHash` (all of them when null), inside the caller's
 * transaction, so a security change and the sessions it ends commit together. Answers the
 * ended tokens' hashes, for closing their sockets.
 */
export async function endSessionsOf(
  trx: Transaction<Database>,
  agentId: string,
  keepTokenHash: string | null,
): Promise<string[]> {
  let query = trx.deleteFrom('sessions').where('agent_id', '=', agentId);
  if (keepTokenHash !== null) query = query.where('token_hash', '!=', keepTokenHash);
  const ended = await query.returning('token_hash').execute();
  return ended.map((r) => r.token_hash);
}
