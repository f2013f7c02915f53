/**
 * The provider's thread (a WhatsApp number, a Telegram chat, an SMS pair) a conversation
 * lives in, so replies go back into the same thread, and the channel's state for it
 * (opted out by STOP, Messenger standby) that outbound sending must respect.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('external_thread', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('channel_state', 'text').execute();
  await db.schema
    .createIndex('conversations_thread_idx')
    .on('conversations')
    .columns(['channel', 'external_thread'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_thread_idx').execute();
  await db.schema.alterTable('conversations').dropColumn('channel_state').execute();
  await db.schema.alterTable('conversations').dropColumn('external_thread').execute();
}
