/**
 * The conversation's clocks (core/conversation/lifecycle.ts) as JSON, from which the writer
 * derives its timers. Null reads as the empty lifecycle.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('lifecycle', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('lifecycle').execute();
}
