/**
 * Conversations and their event log. Every change goes through `commit`: one transaction
 * that applies a conditional UPDATE (the atomic claim), allocates the next `seq` values and
 * inserts the events. The database is the source of truth; the bus only fans out.
 */
import type { Kysely } from 'kysely';
import {
  commitAsync,
  commitSync,
  eventRows,
  type CommitInput,
  type CommitResult,
} from './conversation-writes.ts';
import type { ConversationRecord, NewEvent, StoredEvent } from './records.ts';
import { toConversation, toEvent } from './row-mapping.ts';
import type { ConversationsTable, Database } from './schema.ts';
import type { SyncSqlite } from './statement-cache.ts';

export type { CommitInput, CommitResult } from './conversation-writes.ts';

export interface CreateConversationInput {
  readonly id: string;
  readonly channel: string;
  /** The provider's thread, for conversations that arrive through a channel adapter. */
  readonly externalThread?: string;
  readonly customer: Record<string, unknown>;
  readonly language: string | null;
  readonly tokenHash: string;
  readonly events: readonly NewEvent[];
  readonly now: Date;
}

export interface InboxQuery {
  readonly agentId: string;
  readonly limit?: number;
}

export class ConversationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** SQLite only: synchronous writes (see conversation-writes.ts). */
    private readonly sqlite?: SyncSqlite,
  ) {}

  async create(input: CreateConversationInput): Promise<{
    conversation: ConversationRecord;
    events: StoredEvent[];
  }> {
    const at = input.now.toISOString();
    const row: ConversationsTable = {
      id: input.id,
      channel: input.channel,
      status: 'bot',
      queue: null,
      priority: null,
      assignee_id: null,
      offered_to: null,
      language: input.language,
      customer: JSON.stringify(input.customer),
      customer_key: customerKeyOf(input.customer),
      external_thread: input.externalThread ?? null,
      channel_state: null,
      declined_by: null,
      token_hash: input.tokenHash,
      last_seq: input.events.length,
      handoff: null,
      preview: null,
      created_at: at,
      updated_at: at,
      handed_over_at: null,
      resolved_at: null,
    };
    const events = eventRows(input.id, 1, input.events, at);
    const insertConversation = this.db.insertInto('conversations').values(row).compile();
    const insertEvents = this.db.insertInto('events').values(events).compile();
    const sqlite = this.sqlite;
    if (sqlite) {
      sqlite.transaction(() => {
        sqlite.run(insertConversation);
        if (events.length > 0) sqlite.run(insertEvents);
      });
    } else {
      await this.db.transaction().execute(async (trx) => {
        await trx.executeQuery(insertConversation);
        if (events.length > 0) await trx.executeQuery(insertEvents);
      });
    }
    return { conversation: toConversation(row), events: events.map(toEvent) };
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return findConversation(this.db, id);
  }

  async commit(input: CommitInput): Promise<CommitResult> {
    try {
      return this.sqlite
        ? commitSync(this.db, this.sqlite, input)
        : await commitAsync(this.db, input);
    } catch (error) {
      // A client message id seen before violates the unique index; the transaction is rolled
      // back, and the original is looked up. Checking first would cost a query per message.
      if (!isUniqueViolation(error)) throw error;
      const seen = await findByClientMessageIds(this.db, input.conversationId, input.events);
      const conversation = await this.get(input.conversationId);
      if (seen.length === 0 || !conversation) throw error;
      return { ok: false, reason: 'duplicate', conversation, events: seen };
    }
  }

  async eventsSince(conversationId: string, since: number, limit = 1000): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', since)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  /** How often this customer (same id, else same email) talked to us before, and was handed over. */
  async customerHistory(
    customer: Record<string, unknown>,
    excludeId: string,
  ): Promise<{ previousConversations: number; previousEscalations: number }> {
    const key = customerKeyOf(customer);
    if (key === null) return { previousConversations: 0, previousEscalations: 0 };
    const row = await this.db
      .selectFrom('conversations')
      .select((eb) => [
        eb.fn.countAll().as('conversations'),
        eb.fn.count('handed_over_at').as('escalations'),
      ])
      .where('customer_key', '=', key)
      .where('id', '!=', excludeId)
      .executeTakeFirstOrThrow();
    return {
      previousConversations: Number(row.conversations),
      previousEscalations: Number(row.escalations),
    };
  }

  /** The newest conversation in this provider thread that is still open, if any. */
  async findOpenByThread(channel: string, thread: string): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('channel', '=', channel)
      .where('external_thread', '=', thread)
      .where('status', 'not in', ['resolved', 'abandoned'])
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toConversation(row);
  }

  /** The event with this seq, or undefined. */
  async event(conversationId: string, seq: number): Promise<StoredEvent | undefined> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return row && toEvent(row);
  }

  /** Conversations waiting in a queue (not yet offered), for the router's snapshot. */
  async listQueued(limit = 10_000): Promise<ConversationRecord[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('status', '=', 'queued')
      .orderBy('priority', 'desc')
      .orderBy('handed_over_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toConversation);
  }

  /** How many conversations each agent holds (assigned or offered), for capacity. */
  async loadByAgent(): Promise<Map<string, number>> {
    const assigned = await this.db
      .selectFrom('conversations')
      .select((eb) => ['assignee_id', eb.fn.countAll().as('n')])
      .where('status', '=', 'assigned')
      .groupBy('assignee_id')
      .execute();
    const offered = await this.db
      .selectFrom('conversations')
      .select((eb) => ['offered_to', eb.fn.countAll().as('n')])
      .where('status', '=', 'offered')
      .groupBy('offered_to')
      .execute();
    const load = new Map<string, number>();
    for (const r of assigned) if (r.assignee_id) load.set(r.assignee_id, Number(r.n));
    for (const r of offered)
      if (r.offered_to) load.set(r.offered_to, (load.get(r.offered_to) ?? 0) + Number(r.n));
    return load;
  }

  /** Conversations an agent holds, to hand back to the queue when they leave. */
  async assignedTo(agentId: string): Promise<ConversationRecord[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'assigned'), eb('assignee_id', '=', agentId)]),
          eb.and([eb('status', '=', 'offered'), eb('offered_to', '=', agentId)]),
        ]),
      )
      .execute();
    return rows.map(toConversation);
  }

  /** Waiting conversations per queue, for the queue-length gauge. */
  async countWaitingByQueue(): Promise<Array<{ queue: string | null; count: number }>> {
    const rows = await this.db
      .selectFrom('conversations')
      .select((eb) => ['queue', eb.fn.countAll().as('n')])
      .where('status', 'in', ['queued', 'offered'])
      .groupBy('queue')
      .execute();
    return rows.map((r) => ({ queue: r.queue, count: Number(r.n) }));
  }

  /** Conversations started in [from, to) with their whole event logs, for analytics. */
  async logsBetween(
    from: Date,
    to: Date,
    limit = 5000,
  ): Promise<Array<{ conversation: ConversationRecord; events: StoredEvent[] }>> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('created_at', '>=', from.toISOString())
      .where('created_at', '<', to.toISOString())
      .orderBy('created_at')
      .limit(limit)
      .execute();
    const logs: Array<{ conversation: ConversationRecord; events: StoredEvent[] }> = [];
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      const events = await this.db
        .selectFrom('events')
        .selectAll()
        .where(
          'conversation_id',
          'in',
          batch.map((r) => r.id),
        )
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute();
      const byId = new Map<string, StoredEvent[]>();
      for (const e of events) {
        const list = byId.get(e.conversation_id) ?? [];
        list.push(toEvent(e));
        byId.set(e.conversation_id, list);
      }
      for (const row of batch)
        logs.push({ conversation: toConversation(row), events: byId.get(row.id) ?? [] });
    }
    return logs;
  }

  /** All conversations in creation order, a page at a time (for export). */
  async listPage(
    after: { createdAt: string; id: string } | null,
    limit = 500,
  ): Promise<ConversationRecord[]> {
    let query = this.db.selectFrom('conversations').selectAll();
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '>', after.createdAt),
          eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(toConversation);
  }

  /**
   * How many conversations wait ahead of one with this priority in this queue, plus one:
   * its position in line if it joined now.
   */
  async positionIfQueued(queue: string, priority: number, excludeId: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['queued', 'offered'])
      .where('queue', '=', queue)
      .where('priority', '>=', priority)
      .where('id', '!=', excludeId)
      .executeTakeFirstOrThrow();
    return Number(n) + 1;
  }

  /** Waiting conversations and the agent's own, highest priority first, then longest wait. */
  async listInbox(query: InboxQuery): Promise<ConversationRecord[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['queued', 'offered', 'deferred']),
          eb.and([eb('status', '=', 'assigned'), eb('assignee_id', '=', query.agentId)]),
        ]),
      )
      .orderBy('priority', 'desc')
      .orderBy('handed_over_at', 'asc')
      .limit(query.limit ?? 200)
      .execute();
    return rows.map(toConversation);
  }
}

async function findConversation(
  db: Kysely<Database>,
  id: string,
): Promise<ConversationRecord | undefined> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toConversation(row);
}

/** The customer's id from the identity payload, else their email: how we recognise them again. */
export function customerKeyOf(customer: Record<string, unknown>): string | null {
  if (typeof customer.id === 'string' && customer.id.trim()) return `id:${customer.id.trim()}`;
  if (typeof customer.email === 'string' && customer.email.trim()) {
    return `email:${customer.email.trim().toLowerCase()}`;
  }
  return null;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite (better-sqlite3) and PostgreSQL (SQLSTATE unique_violation).
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

async function findByClientMessageIds(
  db: Kysely<Database>,
  conversationId: string,
  events: readonly NewEvent[],
): Promise<StoredEvent[]> {
  const ids = events.flatMap((e) => (e.clientMessageId ? [e.clientMessageId] : []));
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_message_id', 'in', ids)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}
