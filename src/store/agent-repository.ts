/** Agent accounts and their login sessions (only token hashes are stored). */
import type { Kysely } from 'kysely';
import type { AgentRecord } from './records.ts';
import { toAgent } from './row-mapping.ts';
import type { Database } from './schema.ts';

export interface NewAgent {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly role: AgentRecord['role'];
  readonly skills: readonly string[];
  readonly languages?: readonly string[];
  readonly maxConcurrent?: number;
  readonly now: Date;
}

export class AgentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(agent: NewAgent): Promise<AgentRecord> {
    const row = await this.db
      .insertInto('agents')
      .values({
        id: agent.id,
        email: agent.email.toLowerCase(),
        name: agent.name,
        password_hash: agent.passwordHash,
        role: agent.role,
        skills: JSON.stringify(agent.skills),
        created_at: agent.now.toISOString(),
        presence: 'offline',
        max_concurrent: agent.maxConcurrent ?? 3,
        languages: JSON.stringify(agent.languages ?? ['en']),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAgent(row);
  }

  async findByEmail(email: string): Promise<AgentRecord | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async get(id: string): Promise<AgentRecord | undefined> {
    const row = await this.db
      .selectFrom('agents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async setPresence(
    id: string,
    presence: AgentRecord['presence'],
  ): Promise<AgentRecord | undefined> {
    const row = await this.db
      .updateTable('agents')
      .set({ presence })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async list(): Promise<AgentRecord[]> {
    const rows = await this.db.selectFrom('agents').selectAll().orderBy('name').execute();
    return rows.map(toAgent);
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('agents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async createSession(
    tokenHash: string,
    agentId: string,
    now: Date,
    expiresAt: Date,
  ): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        agent_id: agentId,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
  }

  /** The agent behind a session token hash, if the session exists and has not expired. */
  async findBySession(tokenHash: string, now: Date): Promise<AgentRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('agents', 'agents.id', 'sessions.agent_id')
      .selectAll('agents')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row && toAgent(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
}
