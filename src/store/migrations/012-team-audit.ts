/**
 * Who changed which account, and how: every change made through the team API (created, edited,
 * role changed, disabled, enabled, password reset) is one row. Passwords never appear in it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_audit')
    // Time-ordered text ids (see team-audit-repository.ts): newest first is `id desc`.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_audit_agent_idx')
    .on('team_audit')
    .columns(['agent_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_audit').execute();
}
