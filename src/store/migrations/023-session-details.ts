/**
 * Sessions become something a person can see and end: each gets an id to name it by (never
 * the token or its hash), when it was last used, and the client address and user agent it
 * was opened from. Sessions opened before this migration get an id and no origin.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/** The part of the schema this migration reads and writes. */
interface SessionIds {
  sessions: { token_hash: string; id: string | null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  const typed = db as unknown as Kysely<SessionIds>;
  const rows = await typed.selectFrom('sessions').select('token_hash').execute();
  for (const row of rows) {
    await typed
      .updateTable('sessions')
      .set({ id: newSessionId() })
      .where('token_hash', '=', row.token_hash)
      .execute();
  }
  await db.schema.createIndex('sessions_id_idx').on('sessions').column('id').unique().execute();
  await db.schema.createIndex('sessions_agent_idx').on('sessions').column('agent_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_agent_idx').execute();
  await db.schema.dropIndex('sessions_id_idx').execute();
  for (const column of ['user_agent', 'ip', 'last_seen_at', 'id'])
    await db.schema.alterTable('sessions').dropColumn(column).execute();
}

/** As src/app/auth/tokens.ts makes them (a migration does not import the app). */
function newSessionId(): string {
  return `s_${randomBytes(12).toString('hex')}`;
}
