/**
 * Agent presence and capacity for routing, and the agents who declined (or let expire) an
 * offer of a conversation, so it is never offered to them again.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agents')
    .addColumn('presence', 'text', (c) => c.notNull().defaultTo('offline'))
    .execute();
  await db.schema
    .alterTable('agents')
    .addColumn('max_concurrent', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  await db.schema
    .alterTable('agents')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo(sql`'["en"]'`))
    .execute();
  await db.schema.alterTable('conversations').addColumn('declined_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('declined_by').execute();
  for (const column of ['languages', 'max_concurrent', 'presence']) {
    await db.schema.alterTable('agents').dropColumn(column).execute();
  }
}
