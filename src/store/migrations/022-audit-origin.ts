/**
 * The audit log grows from account changes to every agent and admin action (log-ins, failed
 * log-ins, log-outs, claims, replies, transfers, reassignments, resolutions, reloads): each
 * row now also says where the action came from (the client address, null for the CLI and
 * for rows written before this migration), and the log can be read by action.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('team_audit').addColumn('ip', 'text').execute();
  await db.schema
    .createIndex('team_audit_action_idx')
    .on('team_audit')
    .columns(['action', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('team_audit_action_idx').execute();
  await db.schema.alterTable('team_audit').dropColumn('ip').execute();
}
