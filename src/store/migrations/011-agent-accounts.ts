/**
 * Agent accounts can be disabled (someone leaves the team): the row stays, because events
 * and conversations keep referring to it, but the account can no longer log in or be routed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('disabled_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').dropColumn('disabled_at').execute();
}
