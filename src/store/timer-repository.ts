/**
 * Timers: claimed with a lease, so that several nodes can run the same timer loop and each
 * due timer fires on one of them (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite has one writer).
 * A node that dies mid-fire leaves a claim whose lease runs out, and the timer fires again.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseEngine } from './open-database.ts';
import type { NewTimer, TimerRecord, TimerStatus } from '../core/records.ts';
import type { Database, TimersTable } from './schema.ts';

/** A timer as stored, with when it was made and fired (not its claim: that is the node's). */
export interface StoredTimer extends TimerRecord {
  readonly createdAt: string;
  readonly firedAt: string | null;
}

function toTimer(row: TimersTable): TimerRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    kind: row.kind,
    dueAt: row.due_at,
    data: JSON.parse(row.data) as Record<string, unknown>,
    status: row.status as TimerStatus,
    attempts: Number(row.attempts),
  };
}

export class TimerRepository {
  readonly owner = `node_${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: DatabaseEngine,
  ) {}

  /** Schedules a timer outside a conversation commit (e.g. an outbox send after the fact). */
  async schedule(conversationId: string, timer: NewTimer, now: Date): Promise<void> {
    await this.db
      .insertInto('timers')
      .values({
        id: `t_${randomUUID().replaceAll('-', '')}`,
        conversation_id: conversationId,
        kind: timer.kind,
        due_at: timer.dueAt.toISOString(),
        data: JSON.stringify(timer.data ?? {}),
        status: 'pending',
        claimed_by: null,
        claimed_until: null,
        attempts: 0,
        created_at: now.toISOString(),
        fired_at: null,
      })
      .execute();
  }

  /** Claims up to `limit` due timers (or ones whose claim lapsed) for `leaseMs`. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<TimerRecord[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const rows = await this.db
      .updateTable('timers')
      .set((eb) => ({
        status: 'claimed',
        claimed_by: this.owner,
        claimed_until: until,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) => {
        const due = eb
          .selectFrom('timers')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('due_at', '<=', at)]),
              w.and([w('status', '=', 'claimed'), w('claimed_until', '<', at)]),
            ]),
          )
          .orderBy('due_at')
          .limit(limit);
        return this.engine === 'postgres' ? due.forUpdate().skipLocked() : due;
      })
      .returningAll()
      .execute();
    return rows.map(toTimer).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Marks a fired timer done, unless it was cancelled meanwhile. */
  async complete(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('timers')
      .set({ status: 'done', fired_at: now.toISOString() })
      .where('id', '=', id)
      .where('claimed_by', '=', this.owner)
      .where('status', '=', 'claimed')
      .execute();
  }

  /** Empties a timer's data once it is of no more use (an address that was only for one send). */
  async forgetData(id: string): Promise<void> {
    await this.db.updateTable('timers').set({ data: '{}' }).where('id', '=', id).execute();
  }

  /** Every timer of a conversation, whatever its status, oldest first (a person's export). */
  async allFor(conversationId: string): Promise<StoredTimer[]> {
    const rows = await this.db
      .selectFrom('timers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...toTimer(r), createdAt: r.created_at, firedAt: r.fired_at }));
  }

  async pendingFor(conversationId: string): Promise<TimerRecord[]> {
    const rows = await this.db
      .selectFrom('timers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('status', 'in', ['pending', 'claimed'])
      .orderBy('due_at')
      .execute();
    return rows.map(toTimer);
  }

  /**
   * The due time of the oldest timer that should have fired by `now` and has not: pending and
   * due, or claimed by a node whose lease ran out. Null when the loop is keeping up.
   */
  async oldestOverdue(now: Date): Promise<Date | null> {
    const at = now.toISOString();
    const row = await this.db
      .selectFrom('timers')
      .select((eb) => eb.fn.min('due_at').as('due_at'))
      .where((w) =>
        w.or([
          w.and([w('status', '=', 'pending'), w('due_at', '<=', at)]),
          w.and([w('status', '=', 'claimed'), w('claimed_until', '<', at)]),
        ]),
      )
      .executeTakeFirst();
    return row?.due_at ? new Date(row.due_at) : null;
  }

  /**
   * The timers of one kind due since `since`, whatever their status (done ones are kept): the
   * voice call lookup reads which other conversations called the same number meanwhile.
   */
  async ofKindDueSince(kind: string, since: Date): Promise<TimerRecord[]> {
    const rows = await this.db
      .selectFrom('timers')
      .selectAll()
      .where('status', 'in', ['pending', 'claimed', 'done', 'cancelled'])
      .where('due_at', '>=', since.toISOString())
      .where('kind', '=', kind)
      .orderBy('due_at')
      .execute();
    return rows.map(toTimer);
  }

  /** Timers not yet done (pending or claimed), counted by kind. */
  async countOpenByKind(): Promise<Array<{ kind: string; count: number }>> {
    const rows = await this.db
      .selectFrom('timers')
      .select(['kind', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('status', 'in', ['pending', 'claimed'])
      .groupBy('kind')
      .execute();
    return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
  }

  /** Waiting conversations with no pending timer: what must never exist (no dead ends). */
  async deadEnds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('status', 'in', ['queued', 'offered', 'deferred'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('timers')
              .select('timers.id')
              .whereRef('timers.conversation_id', '=', 'conversations.id')
              .where('timers.status', 'in', ['pending', 'claimed']),
          ),
        ),
      )
      .execute();
    return rows.map((r) => r.id);
  }
}
