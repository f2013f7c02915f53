/**
 * Where each agent takes handed-over calls, chosen in their profile: an E.164 phone number,
 * `browser`, or null for the configuration's rule (channels.voice.agentPhones, else the browser).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('voice_line', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').dropColumn('voice_line').execute();
}
