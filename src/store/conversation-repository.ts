/**
 * Conversations and their event log. Every change goes through `commit`: one transaction
 * that applies a conditional UPDATE (the atomic claim), allocates the next `seq` values and
 * inserts the events. The database is the source of truth; the bus only fans out.
 */
import { customerKeyOf } from '../core/customer/customer-key.ts';
import type { CompiledQuery, Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import {
  commitAsync,
  conversationQuery,
  commitSync,
  eventRows,
  type CommitInput,
  type CommitResult,
} from './conversation-writes.ts';
import type { ChannelState, ConversationRecord, NewEvent, StoredEvent } from '../core/records.ts';
import { toConversation, toEvent } from './row-mapping.ts';
import type { ConversationsTable, Database } from './schema.ts';
import { GroupCommit } from './group-commit.ts';
import { QueryTemplates } from './query-templates.ts';
import {
  conversationOfProviderMessage,
  isUniqueViolation,
  providerMessageClaims,
  ThreadTakenError,
} from './provider-messages.ts';
import type { SyncSqlite } from './statement-cache.ts';
import { isUnverifiedCustomer } from '../core/customer/trusted-customer.ts';

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
  /** What the conversation starts knowing about its thread (pre-chat form fields). */
  readonly channelState?: ChannelState;
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
  ) {
    this.group = sqlite ? new GroupCommit(sqlite) : undefined;
  }

  private readonly group: GroupCommit | undefined;
  /** The hot statements, compiled once per shape (query-templates.ts). */
  private readonly templates = new QueryTemplates();

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
      // A browser's unsigned claim to an id or email must not link to that person's past.
      customer_key: isUnverifiedCustomer(input.customer) ? null : customerKeyOf(input.customer),
      external_thread: input.externalThread ?? null,
      channel_state: input.channelState ? JSON.stringify(input.channelState) : null,
      declined_by: null,
      lifecycle: null,
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
    try {
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
    } catch (error) {
      // The open-thread index (migrations/014): another copy of the webhook made it first.
      if (input.externalThread !== undefined && isUniqueViolation(error))
        throw new ThreadTakenError(input.channel, input.externalThread);
      throw error;
    }
    return { conversation: toConversation(row), events: events.map(toEvent) };
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const query = conversationQuery(this.db, this.templates, id);
    // SQLite: a cached statement run synchronously, as the commits are (statement-cache.ts).
    const row = this.sqlite
      ? this.sqlite.all(query)[0]
      : (await this.db.executeQuery(query)).rows[0];
    return row && toConversation(row);
  }

  /**
   * Only the status: what the message path asks of every customer line (is a choice open?),
   * without copying the row's JSON columns, the handoff packet among them.
   */
  async statusOf(id: string): Promise<ConversationState | undefined> {
    const query = this.templates.fill(
      'status',
      (slot) =>
        this.db.selectFrom('conversations').select('status').where('id', '=', slot(0)).compile(),
      [id],
    ) as CompiledQuery<{ status: string }>;
    const row = this.sqlite
      ? this.sqlite.all(query)[0]
      : (await this.db.executeQuery(query)).rows[0];
    return row?.status as ConversationState | undefined;
  }

  async commit(input: CommitInput): Promise<CommitResult> {
    try {
      const { sqlite, group } = this;
      return sqlite && group
        ? await group.submit(() => commitSync(this.db, this.templates, sqlite, input))
        : await commitAsync(this.db, this.templates, input);
    } catch (error) {
      // A client message id seen before violates the unique index; the transaction is rolled
      // back, and the original is looked up. Checking first would cost a query per message.
      if (!isUniqueViolation(error)) throw error;
      const seen = await findByClientMessageIds(this.db, input.conversationId, input.events);
      const conversation = await this.get(input.conversationId);
      if (seen.length > 0 && conversation)
        return { ok: false, reason: 'duplicate', conversation, events: seen };
      // A provider message another conversation of the channel stored (provider-messages.ts).
      const original = conversation && (await this.providerMessageOwner(conversation, input));
      if (!original) throw error;
      const events = await findByClientMessageIds(this.db, original.id, input.events);
      return { ok: false, reason: 'duplicate', conversation: original, events };
    }
  }

  /** The conversation, if any, that already stored this provider message of the channel. */
  async conversationOfProviderMessage(
    channel: string,
    providerMessageId: string,
  ): Promise<ConversationRecord | undefined> {
    const id = await conversationOfProviderMessage(this.db, channel, providerMessageId);
    return id === undefined ? undefined : this.get(id);
  }

  private async providerMessageOwner(
    conversation: ConversationRecord,
    input: CommitInput,
  ): Promise<ConversationRecord | undefined> {
    const claims = providerMessageClaims(conversation.channel, conversation.id, input.events, '');
    for (const claim of claims) {
      const owner = await this.conversationOfProviderMessage(
        conversation.channel,
        claim.provider_message_id,
      );
      if (owner) return owner;
    }
    return undefined;
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

  /** The newest conversation in this provider thread that is still open, if any. */
  async findOpenByThread(channel: string, thread: string): Promise<ConversationRecord | undefined> {
    return this.findByThread(channel, thread, true);
  }

  /**
   * The newest conversation in this thread, open or not: a delivery status or an opt-out can
   * arrive after the conversation was resolved and must still reach it.
   */
  async findLatestByThread(
    channel: string,
    thread: string,
  ): Promise<ConversationRecord | undefined> {
    return this.findByThread(channel, thread, false);
  }

  private async findByThread(
    channel: string,
    thread: string,
    openOnly: boolean,
  ): Promise<ConversationRecord | undefined> {
    let query = this.db
      .selectFrom('conversations')
      .selectAll()
      .where('channel', '=', channel)
      .where('external_thread', '=', thread);
    if (openOnly) query = query.where('status', 'not in', ['resolved', 'abandoned']);
    const row = await query.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
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
