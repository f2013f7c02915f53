/**
 * PostgreSQL's compaction window, in the store: the tables the server erased rows from
 * (migration 029), claimed with a lease as timers are (FOR UPDATE SKIP LOCKED), so that one
 * node of a cluster rewrites them; and the rewrite itself, VACUUM FULL under a
 * `lock_timeout`, so that waiting for its lock never holds writers up for longer than that
 * (a writer that arrives while VACUUM FULL waits queues behind it). The rewrite itself holds
 * the table's ACCESS EXCLUSIVE lock while it copies the live rows into a new file.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DatabaseEngine } from './open-database.ts';
import type { CompactionPendingTable, Database } from './schema.ts';

export interface PendingCompaction {
  readonly table: string;
  /** The latest erasure from the table. */
  readonly erasedAt: string;
  /** The window it waits for. */
  readonly dueAt: string;
  /** Windows that did not rewrite it (a lock timeout, a role that does not own it). */
  readonly attempts: number;
  readonly lastOutcome: string | null;
}

/** What one VACUUM FULL did: a new file, its lock not had in time, or skipped (not the owner). */
export type CompactionResult = 'rewritten' | 'lock-timeout' | 'not-rewritten';

const toPending = (row: CompactionPendingTable): PendingCompaction => ({
  table: row.table_name,
  erasedAt: row.erased_at,
  dueAt: row.due_at,
  attempts: Number(row.attempts),
  lastOutcome: row.last_outcome,
});

export class CompactionRepository {
  readonly owner = `node_${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: DatabaseEngine,
  ) {}

  /**
   * Names tables for the window at `dueAt`; a table already waiting keeps its (earlier) window
   * and takes the later erasure time. Returns the window by which all of them are rewritten.
   */
  async record(tables: readonly string[], erasedAt: Date, dueAt: Date): Promise<Date | null> {
    if (tables.length === 0) return null;
    await this.db
      .insertInto('compaction_pending')
      .values(
        tables.map((table) => ({
          table_name: table,
          erased_at: erasedAt.toISOString(),
          due_at: dueAt.toISOString(),
          attempts: 0,
          last_outcome: null,
          claimed_by: null,
          claimed_until: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('table_name').doUpdateSet({ erased_at: (eb) => eb.ref('excluded.erased_at') }),
      )
      .execute();
    const row = await this.db
      .selectFrom('compaction_pending')
      .select((eb) => eb.fn.max('due_at').as('due_at'))
      .where('table_name', 'in', [...tables])
      .executeTakeFirst();
    return row?.due_at ? new Date(row.due_at) : null;
  }

  async pending(): Promise<PendingCompaction[]> {
    const rows = await this.db
      .selectFrom('compaction_pending')
      .selectAll()
      .orderBy('table_name')
      .execute();
    return rows.map(toPending);
  }

  /** Claims the tables whose window has come (all of them with `dueOnly` false) for `leaseMs`. */
  async claim(now: Date, leaseMs: number, dueOnly: boolean): Promise<PendingCompaction[]> {
    const at = now.toISOString();
    const rows = await this.db
      .updateTable('compaction_pending')
      .set({
        claimed_by: this.owner,
        claimed_until: new Date(now.getTime() + leaseMs).toISOString(),
      })
      .where('table_name', 'in', (eb) => {
        let free = eb
          .selectFrom('compaction_pending')
          .select('table_name')
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', at)]));
        if (dueOnly) free = free.where('due_at', '<=', at);
        return this.engine === 'postgres' ? free.forUpdate().skipLocked() : free;
      })
      .returningAll()
      .execute();
    return rows.map(toPending).sort((a, b) => a.table.localeCompare(b.table));
  }

  /**
   * VACUUM FULL of one table on one connection, waiting at most `lockTimeoutMs` for its lock.
   * VACUUM FULL only warns when the role does not own the table: a new file is the proof.
   */
  async compact(table: string, lockTimeoutMs: number): Promise<CompactionResult> {
    return this.db.connection().execute(async (conn) => {
      const node = async () =>
        (
          await sql<{
            node: string | null;
          }>`select pg_relation_filenode(${table}::regclass)::text as node`.execute(conn)
        ).rows[0]?.node ?? '';
      const before = await node();
      await sql`select set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, false)`.execute(conn);
      try {
        await sql`vacuum full ${sql.table(table)}`.execute(conn);
      } catch (error) {
        // 55P03 lock_not_available: someone held the table longer than lock_timeout.
        if ((error as { code?: string }).code === '55P03') return 'lock-timeout';
        throw error;
      } finally {
        await sql`reset lock_timeout`.execute(conn);
      }
      return (await node()) !== before ? 'rewritten' : 'not-rewritten';
    });
  }

  /**
   * A rewrite that began at `startedAt` settles the table, unless it was erased from again
   * since: then it waits for the window at `next`.
   */
  async settle(table: string, startedAt: Date, next: Date): Promise<void> {
    await this.db
      .deleteFrom('compaction_pending')
      .where('table_name', '=', table)
      .where('claimed_by', '=', this.owner)
      .where('erased_at', '<=', startedAt.toISOString())
      .execute();
    await this.postpone(table, next, null);
  }

  /** Releases the claim; the table waits for the window at `next`. */
  async postpone(table: string, next: Date, outcome: string | null): Promise<void> {
    await this.db
      .updateTable('compaction_pending')
      .set((eb) => ({
        due_at: next.toISOString(),
        claimed_by: null,
        claimed_until: null,
        ...(outcome === null ? {} : { attempts: eb('attempts', '+', 1), last_outcome: outcome }),
      }))
      .where('table_name', '=', table)
      .where('claimed_by', '=', this.owner)
      .execute();
  }

  /** After `baton erase` rewrote tables itself: nothing of theirs waits any more. */
  async forget(tables: readonly string[], rewrittenFrom: Date): Promise<void> {
    if (tables.length === 0) return;
    await this.db
      .deleteFrom('compaction_pending')
      .where('table_name', 'in', [...tables])
      .where('erased_at', '<=', rewrittenFrom.toISOString())
      .execute();
  }
}

/** CHECKPOINT, when the role may (superuser or pg_checkpoint); false when it may not. */
export async function checkpointPostgres(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`checkpoint`.execute(db);
    return true;
  } catch (error) {
    // 42501 insufficient_privilege: PostgreSQL 15 wants superuser or pg_checkpoint.
    if ((error as { code?: string }).code === '42501') return false;
    throw error;
  }
}
