/**
 * PostgreSQL's compaction window (app/privacy/compaction-window.ts): a table the server
 * erased rows from is named here until VACUUM FULL has rewritten it, so the erased bytes
 * leave its files at the next window even across a restart. `erased_at` is the latest
 * erasure (a rewrite that began before it does not settle the row), `due_at` the window,
 * and `claimed_by`/`claimed_until` the lease that lets one node of a cluster run it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compaction_pending')
    .addColumn('table_name', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_outcome', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('compaction_pending').execute();
}
