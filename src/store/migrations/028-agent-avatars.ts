/**
 * An agent's profile picture, which the widget shows in its header while that agent has the
 * conversation. The bytes are kept as other media are (base64 text, the same on both
 * engines) in a table of their own, so that reading an agent never reads a picture; the
 * agent's `avatar_version` names the current one (it changes with every upload, so the
 * picture's address does too) and is null when there is none.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('avatar_version', 'text').execute();
  await db.schema
    .createTable('agent_avatars')
    .addColumn('agent_id', 'text', (c) => c.primaryKey())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_avatars').execute();
  await db.schema.alterTable('agents').dropColumn('avatar_version').execute();
}
