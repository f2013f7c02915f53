/** Agents' profile pictures (see migrations/028-agent-avatars.ts). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface AgentAvatar {
  readonly mimeType: string;
  readonly content: Buffer;
  /** The version the agent's record names (changes with every upload). */
  readonly version: string;
}

export class AgentAvatarRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keeps the picture and names its version on the agent, in one transaction. */
  async put(
    agentId: string,
    file: { mimeType: string; content: Uint8Array; version: string },
    now: Date,
  ): Promise<void> {
    const row = {
      mime_type: file.mimeType,
      size: file.content.byteLength,
      content_base64: Buffer.from(file.content).toString('base64'),
      updated_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('agent_avatars')
        .values({ agent_id: agentId, ...row })
        .onConflict((c) => c.column('agent_id').doUpdateSet(row))
        .execute();
      await tx
        .updateTable('agents')
        .set({ avatar_version: file.version })
        .where('id', '=', agentId)
        .execute();
    });
  }

  async get(agentId: string): Promise<AgentAvatar | undefined> {
    const row = await this.db
      .selectFrom('agent_avatars')
      .innerJoin('agents', 'agents.id', 'agent_avatars.agent_id')
      .select(['agent_avatars.mime_type', 'agent_avatars.content_base64', 'agents.avatar_version'])
      .where('agent_avatars.agent_id', '=', agentId)
      .executeTakeFirst();
    if (!row?.avatar_version) return undefined;
    return {
      mimeType: row.mime_type,
      content: Buffer.from(row.content_base64, 'base64'),
      version: row.avatar_version,
    };
  }

  async remove(agentId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('agent_avatars').where('agent_id', '=', agentId).execute();
      await tx
        .updateTable('agents')
        .set({ avatar_version: null })
        .where('id', '=', agentId)
        .execute();
    });
  }
}
