/**
 * An index on when conversations started: the analytics dashboard, its CSV exports and the
 * staffing forecast read the conversations started in a range (conversation-reads.ts,
 * conversationsStartedBetween), which without it scanned every conversation ever stored.
 * `created_at` never changes after the insert, so the index costs the write path one entry.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_created_idx')
    .on('conversations')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_created_idx').execute();
}
