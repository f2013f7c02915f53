/**
 * Two-factor log-in with a time-based code (TOTP): each account may hold a secret, pending
 * until a first code confirms it, the last time step a code was accepted at (so a code is
 * taken once), and one-time recovery codes kept only as hashes.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Base32, as authenticator apps read it; null: no two-factor set up.
  await db.schema.alterTable('agents').addColumn('totp_secret', 'text').execute();
  // When a first code confirmed the secret; null while pending (or none).
  await db.schema.alterTable('agents').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('agents').addColumn('totp_last_step', 'bigint').execute();
  await db.schema
    .createTable('agent_recovery_codes')
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_recovery_codes_pk', ['agent_id', 'code_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_recovery_codes').execute();
  for (const column of ['totp_last_step', 'totp_enabled_at', 'totp_secret'])
    await db.schema.alterTable('agents').dropColumn(column).execute();
}
