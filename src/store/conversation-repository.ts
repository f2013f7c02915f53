/**
 * Conversations and their event log. Every change goes through `commit`: one transaction
 * that applies a conditional UPDATE (the atomic claim), allocates the next `seq` values and
 * inserts the events. The database is the source of truth; the bus only fans out.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import type { ConversationChanges, ConversationRecord, NewEvent, StoredEvent } from './records.ts';
import { toConversation, toConversationColumns, toEvent } from './row-mapping.ts';
import type { Database, EventsTable } from './schema.ts';

export interface CreateConversationInput {
  readonly id: string;
  readonly channel: string;
  readonly customer: Record<string, unknown>;
  readonly language: string | null;
  readonly tokenHash: string;
  readonly events: readonly NewEvent[];
  readonly now: Date;
}

export interface CommitInput {
  readonly conversationId: string;
  /** Apply only while the conversation is in one of these states. */
  readonly expectStatus?: readonly ConversationState[];
  /** Apply only while this agent (or nobody, for null) owns the conversation. */
  readonly expectAssigneeId?: string | null;
  readonly changes?: ConversationChanges;
  readonly events: readonly NewEvent[];
  readonly now: Date;
}

export type CommitResult =
  | { readonly ok: true; readonly conversation: ConversationRecord; readonly events: StoredEvent[] }
  | { readonly ok: false; readonly reason: 'not_found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly conversation: ConversationRecord }
  | {
      readonly ok: false;
      readonly reason: 'duplicate';
      readonly conversation: ConversationRecord;
      readonly events: StoredEvent[];
    };

export interface InboxQuery {
  readonly agentId: string;
  readonly limit?: number;
}

/** Thrown inside a transaction to roll it back when a client message id was seen before. */
class DuplicateMessage {
  constructor(readonly events: StoredEvent[]) {}
}

export class ConversationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: CreateConversationInput): Promise<{
    conversation: ConversationRecord;
    events: StoredEvent[];
  }> {
    const at = input.now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('conversations')
        .values({
          id: input.id,
          channel: input.channel,
          status: 'bot',
          queue: null,
          priority: null,
          assignee_id: null,
          offered_to: null,
          language: input.language,
          customer: JSON.stringify(input.customer),
          token_hash: input.tokenHash,
          last_seq: input.events.length,
          handoff: null,
          preview: null,
          created_at: at,
          updated_at: at,
          handed_over_at: null,
          resolved_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const events = await insertEvents(trx, input.id, 1, input.events, at);
      return { conversation: toConversation(row), events };
    });
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return findConversation(this.db, id);
  }

  async commit(input: CommitInput): Promise<CommitResult> {
    const at = input.now.toISOString();
    const count = input.events.length;
    try {
      return await this.db.transaction().execute(async (trx): Promise<CommitResult> => {
        let update = trx
          .updateTable('conversations')
          .set((eb) => ({
            ...toConversationColumns(input.changes ?? {}),
            last_seq: eb('last_seq', '+', count),
            updated_at: at,
          }))
          .where('id', '=', input.conversationId);
        if (input.expectStatus) update = update.where('status', 'in', [...input.expectStatus]);
        if (input.expectAssigneeId === null) update = update.where('assignee_id', 'is', null);
        else if (input.expectAssigneeId !== undefined) {
          update = update.where('assignee_id', '=', input.expectAssigneeId);
        }
        // The UPDATE takes the row lock first, so the duplicate check below sees every
        // committed retry of the same message (PostgreSQL, READ COMMITTED).
        const row = await update.returningAll().executeTakeFirst();
        if (!row) {
          const current = await findConversation(trx, input.conversationId);
          return current
            ? { ok: false, reason: 'conflict', conversation: current }
            : { ok: false, reason: 'not_found' };
        }
        await rejectDuplicates(trx, input.conversationId, input.events);
        const firstSeq = Number(row.last_seq) - count + 1;
        const events = await insertEvents(trx, input.conversationId, firstSeq, input.events, at);
        return { ok: true, conversation: toConversation(row), events };
      });
    } catch (error) {
      if (!(error instanceof DuplicateMessage)) throw error;
      const conversation = await this.get(input.conversationId);
      if (!conversation) return { ok: false, reason: 'not_found' };
      return { ok: false, reason: 'duplicate', conversation, events: error.events };
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

  /** All conversations in creation order, a page at a time (for export). */
  async listPage(after: { createdAt: string; id: string } | null, limit = 500): Promise<ConversationRecord[]> {
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

async function rejectDuplicates(
  trx: Transaction<Database>,
  conversationId: string,
  events: readonly NewEvent[],
): Promise<void> {
  const ids = events.flatMap((e) => (e.clientMessageId ? [e.clientMessageId] : []));
  if (ids.length === 0) return;
  const seen = await trx
    .selectFrom('events')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_message_id', 'in', ids)
    .orderBy('seq')
    .execute();
  if (seen.length > 0) throw new DuplicateMessage(seen.map(toEvent));
}

async function insertEvents(
  trx: Transaction<Database>,
  conversationId: string,
  firstSeq: number,
  events: readonly NewEvent[],
  at: string,
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const rows: EventsTable[] = events.map((e, i) => ({
    conversation_id: conversationId,
    seq: firstSeq + i,
    type: e.type,
    actor_type: e.actor.type,
    actor_id: e.actor.id ?? null,
    actor_name: e.actor.name ?? null,
    data: JSON.stringify(e.data),
    client_message_id: e.clientMessageId ?? null,
    created_at: at,
  }));
  await trx.insertInto('events').values(rows).execute();
  return rows.map(toEvent);
}
