/** Agent accounts and their login sessions (only token hashes are stored). */
import type { Kysely } from 'kysely';
import type { AgentRecord } from '../core/records.ts';
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

/** What `baton agents update` may change. */
export interface AgentChanges {
  readonly name?: string;
  readonly role?: AgentRecord['role'];
  readonly skills?: readonly string[];
  readonly languages?: readonly string[];
  readonly maxConcurrent?: number;
  readonly passwordHash?: string;
  /** null enables a disabled account again. */
  readonly disabledAt?: string | null;
  /** E.164, `browser`, or null for the configuration's rule. */
  readonly voiceLine?: string | null;
}

/** Where a session was opened from, and the id it is named by. */
export interface SessionOrigin {
  readonly id?: string;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
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

  /** A disabled account is not found (login treats it as unknown) unless asked for. */
  async findByEmail(
    email: string,
    options: { includeDisabled?: boolean } = {},
  ): Promise<AgentRecord | undefined> {
    let query = this.db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase());
    if (!options.includeDisabled) query = query.where('disabled_at', 'is', null);
    const row = await query.executeTakeFirst();
    return row && toAgent(row);
  }

  async update(id: string, changes: AgentChanges): Promise<AgentRecord | undefined> {
    const row = await this.db
      .updateTable('agents')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.skills !== undefined ? { skills: JSON.stringify(changes.skills) } : {}),
        ...(changes.languages !== undefined
          ? { languages: JSON.stringify(changes.languages) }
          : {}),
        ...(changes.maxConcurrent !== undefined ? { max_concurrent: changes.maxConcurrent } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
        ...(changes.voiceLine !== undefined ? { voice_line: changes.voiceLine } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toAgent(row);
  }

  /** Disables an account: it goes offline and every session it had ends now. */
  async disable(id: string, now: Date): Promise<AgentRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('agent_id', '=', id).execute();
      const row = await trx
        .updateTable('agents')
        .set({ disabled_at: now.toISOString(), presence: 'offline' })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toAgent(row);
    });
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

  /** The team as routing and the inbox see it: disabled accounts only when asked for. */
  async list(options: { includeDisabled?: boolean } = {}): Promise<AgentRecord[]> {
    let query = this.db.selectFrom('agents').selectAll().orderBy('name');
    if (!options.includeDisabled) query = query.where('disabled_at', 'is', null);
    return (await query.execute()).map(toAgent);
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
    origin: SessionOrigin = {},
  ): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        id: origin.id ?? null,
        agent_id: agentId,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        last_seen_at: now.toISOString(),
        ip: origin.ip ?? null,
        user_agent: origin.userAgent ?? null,
      })
      .execute();
  }

  /** The agent behind a session token hash, if the session exists and has not expired. */
  async findBySession(tokenHash: string, now: Date): Promise<AgentRecord | undefined> {
    return (await this.findSession(tokenHash, now))?.agent;
  }

  /** The same, with when the session was last used (null: not since migration 023). */
  async findSession(
    tokenHash: string,
    now: Date,
  ): Promise<{ agent: AgentRecord; lastSeenAt: string | null } | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('agents', 'agents.id', 'sessions.agent_id')
      .selectAll('agents')
      .select('sessions.last_seen_at as session_last_seen_at')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now.toISOString())
      .where('agents.disabled_at', 'is', null)
      .executeTakeFirst();
    return row && { agent: toAgent(row), lastSeenAt: row.session_last_seen_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
}
