/**
 * An index on when conversations last changed: the supervisor overview looks up its SLA
 * breaches among the conversations changed today or still open (breachesToShow in
 * app/routing/supervisor-snapshot.ts). The open ones come through conversations_status_idx;
 * without this index the "changed today" half made both engines scan every conversation ever
 * stored. `updated_at` moves on every commit, so each commit also moves one index entry.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_updated_idx')
    .on('conversations')
    .column('updated_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_updated_idx').execute();
}
