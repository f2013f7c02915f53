/**
 * Read-only queries over conversations for routing, analytics, export and the customer's
 * history: kept apart from the write path (conversation-repository.ts).
 */
import type { Kysely } from 'kysely';
import { isUnverifiedCustomer } from '../core/customer/trusted-customer.ts';
import { customerKeyOf } from '../core/customer/customer-key.ts';
import type { ConversationRecord, StoredEvent } from '../core/records.ts';
import { toConversation, toEvent } from './row-mapping.ts';
import type { Database } from './schema.ts';

/**
 * The conversations started in [from, to), oldest first: what analytics, its exports and the
 * staffing forecast read (through conversations_created_idx, migrations/030).
 */
export function conversationsStartedBetween(
  db: Kysely<Database>,
  from: Date,
  to: Date,
  limit: number,
) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('created_at', '>=', from.toISOString())
    .where('created_at', '<', to.toISOString())
    .orderBy('created_at')
    .limit(limit);
}

export class ConversationReads {
  constructor(private readonly db: Kysely<Database>) {}

  /** How often this customer (same id, else same email) talked to us before, and was handed over. */
  async customerHistory(
    customer: Record<string, unknown>,
    excludeId: string,
  ): Promise<{ previousConversations: number; previousEscalations: number }> {
    // An unverified customer has no past here: their id or email is only a claim.
    const key = isUnverifiedCustomer(customer) ? null : customerKeyOf(customer);
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

  /**
   * A waiting conversation's place in its queue's line as the router orders it (higher
   * priority first, then who waited longer), counting offered ones still ahead.
   */
  async placeInLine(c: {
    readonly id: string;
    readonly queue: string | null;
    readonly priority: number | null;
    readonly handedOverAt: string | null;
  }): Promise<number> {
    const priority = c.priority ?? 50;
    const since = c.handedOverAt ?? '9999';
    const { n } = await this.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', ['queued', 'offered'])
      .where('queue', '=', c.queue ?? 'general')
      .where('id', '!=', c.id)
      .where((eb) =>
        eb.or([
          eb('priority', '>', priority),
          eb.and([eb('priority', '=', priority), eb('handed_over_at', '<', since)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(n) + 1;
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
    // One query for both (the router asks on every pass): an assigned conversation counts for
    // its assignee, an offered one for the agent it is offered to.
    const rows = await this.db
      .selectFrom('conversations')
      .select((eb) => [
        eb
          .case()
          .when('status', '=', 'assigned')
          .then(eb.ref('assignee_id'))
          .else(eb.ref('offered_to'))
          .end()
          .as('agent_id'),
        eb.fn.countAll().as('n'),
      ])
      .where('status', 'in', ['assigned', 'offered'])
      .groupBy('agent_id')
      .execute();
    const load = new Map<string, number>();
    for (const r of rows) if (r.agent_id) load.set(r.agent_id, Number(r.n));
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

  /**
   * The hand-over, assignment, transfer and resolve events of the latest resolved
   * conversations, with their queues: the samples of the measured handle time at boot.
   */
  async recentHandlingEvents(
    limit = 300,
  ): Promise<{ events: StoredEvent[]; queues: Map<string, string | null> }> {
    const rows = await this.db
      .selectFrom('conversations')
      .select(['id', 'queue'])
      .where('resolved_at', 'is not', null)
      .orderBy('resolved_at', 'desc')
      .limit(limit)
      .execute();
    const queues = new Map(rows.map((r) => [r.id, r.queue]));
    if (rows.length === 0) return { events: [], queues };
    const events = await this.db
      .selectFrom('events')
      .selectAll()
      .where(
        'conversation_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('type', 'in', [
        'conversation.handed_over',
        'conversation.assigned',
        'conversation.transferred',
        'conversation.overflowed',
        'conversation.resolved',
      ])
      .execute();
    return { events: events.map(toEvent), queues };
  }

  /** Conversations started in [from, to) with their whole event logs, for analytics. */
  async logsBetween(
    from: Date,
    to: Date,
    limit = 5000,
  ): Promise<Array<{ conversation: ConversationRecord; events: StoredEvent[] }>> {
    const rows = await conversationsStartedBetween(this.db, from, to, limit).execute();
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
}
