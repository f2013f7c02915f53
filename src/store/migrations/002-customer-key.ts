/** A customer key (their id, else their email) to find a customer's earlier conversations. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('customer_key', 'text').execute();
  await db.schema
    .createIndex('conversations_customer_key_idx')
    .on('conversations')
    .column('customer_key')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_customer_key_idx').execute();
  await db.schema.alterTable('conversations').dropColumn('customer_key').execute();
}
