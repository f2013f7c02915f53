/**
 * Staff's private notes about a person (the contact page), never shown to the customer. A
 * note is kept under the contact's key (one of the person's verified identities, `id:…`,
 * `email:…`, `phone:…`, or `conversation:<id>` for a visitor who stands alone) and names the
 * conversation it was written from, so that erasing that conversation, or the person, takes
 * it too (erasure-repository.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contact_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_key', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_notes_key_idx')
    .on('contact_notes')
    .columns(['contact_key', 'created_at'])
    .execute();
  await db.schema
    .createIndex('contact_notes_conversation_idx')
    .on('contact_notes')
    .column('conversation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_notes').execute();
}
