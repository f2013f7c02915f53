/**
 * The conversation log's write: one transaction with a conditional UPDATE that allocates
 * the next `seq` values (and is the atomic claim), then the event rows. The queries are
 * built once with Kysely; they run in a Kysely transaction on PostgreSQL and in one
 * synchronous better-sqlite3 transaction on SQLite, the hot path of every message.
 */
import { randomUUID } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import type { Lifecycle } from '../core/conversation/lifecycle.ts';
import { LIFECYCLE_TIMER_KINDS } from '../core/conversation/timer-kinds.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  NewTimer,
  StoredEvent,
  TimerChanges,
} from '../core/records.ts';
import { providerMessageClaims } from './provider-messages.ts';
import { toConversation, toConversationColumns, toEvent } from './row-mapping.ts';
import type { ConversationsTable, Database, EventsTable, TimersTable } from './schema.ts';
import type { SyncSqlite } from './statement-cache.ts';

export interface CommitInput {
  readonly conversationId: string;
  /** Apply only while the conversation is in one of these states. */
  readonly expectStatus?: readonly ConversationState[];
  /** Apply only while this agent (or nobody, for null) owns the conversation. */
  readonly expectAssigneeId?: string | null;
  /**
   * Apply only if no event was added since this `lastSeq`: a read-modify-write of a JSON
   * column (the handoff) must not overwrite a change made in between.
   */
  readonly expectLastSeq?: number;
  readonly changes?: ConversationChanges;
  readonly events: readonly NewEvent[];
  /** Timers cancelled and scheduled atomically with the change (see migrations/003-timers.ts). */
  readonly timers?: TimerChanges;
  /**
   * Apply only while the agent holds fewer than `max` conversations (assigned, or offered
   * besides this one): the claim's capacity check, atomic with the claim itself.
   */
  readonly expectCapacity?: { readonly agentId: string; readonly max: number };
  /**
   * Run in the transaction after a successful update: the new lifecycle and the lifecycle
   * timers to cancel and schedule (the conversation writer derives them from the state).
   */
  readonly derive?: DeriveLifecycle;
  readonly now: Date;
}

/** A lifecycle timer as the derive step sees it. */
export interface PendingTimer {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly data: Record<string, unknown>;
}

export type DeriveLifecycle = (
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  pending: readonly PendingTimer[],
) => {
  readonly lifecycle: Lifecycle;
  readonly cancelIds: readonly string[];
  readonly schedule: readonly NewTimer[];
};

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

function updateQuery(db: Kysely<Database>, input: CommitInput, at: string) {
  let update = db
    .updateTable('conversations')
    .set((eb) => ({
      ...toConversationColumns(input.changes ?? {}),
      last_seq: eb('last_seq', '+', input.events.length),
      updated_at: at,
    }))
    .where('id', '=', input.conversationId);
  if (input.expectStatus) update = update.where('status', 'in', [...input.expectStatus]);
  if (input.expectAssigneeId === null) update = update.where('assignee_id', 'is', null);
  else if (input.expectAssigneeId !== undefined) {
    update = update.where('assignee_id', '=', input.expectAssigneeId);
  }
  if (input.expectLastSeq !== undefined)
    update = update.where('last_seq', '=', input.expectLastSeq);
  const cap = input.expectCapacity;
  if (cap) {
    update = update.where(
      (eb) =>
        eb
          .selectFrom('conversations as held')
          .select((c) => c.fn.countAll().as('n'))
          .where('held.id', '!=', input.conversationId)
          .where((w) =>
            w.or([
              w.and([w('held.status', '=', 'assigned'), w('held.assignee_id', '=', cap.agentId)]),
              w.and([w('held.status', '=', 'offered'), w('held.offered_to', '=', cap.agentId)]),
            ]),
          ),
      '<',
      cap.max,
    );
  }
  return update.returningAll();
}

const conversationQuery = (db: Kysely<Database>, id: string) =>
  db.selectFrom('conversations').selectAll().where('id', '=', id);

export function eventRows(
  conversationId: string,
  firstSeq: number,
  events: readonly NewEvent[],
  at: string,
): EventsTable[] {
  return events.map((e, i) => ({
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
}

function outcome(
  input: CommitInput,
  at: string,
  updated: ConversationsTable | undefined,
  current: () => ConversationsTable | undefined,
): { result: CommitResult; rows: EventsTable[] } {
  if (!updated) {
    const found = current();
    return {
      result: found
        ? { ok: false, reason: 'conflict', conversation: toConversation(found) }
        : { ok: false, reason: 'not_found' },
      rows: [],
    };
  }
  const firstSeq = Number(updated.last_seq) - input.events.length + 1;
  const rows = eventRows(input.conversationId, firstSeq, input.events, at);
  return {
    result: { ok: true, conversation: toConversation(updated), events: rows.map(toEvent) },
    rows,
  };
}

const pendingLifecycleQuery = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('timers')
    .selectAll()
    .where('conversation_id', '=', id)
    .where('status', 'in', ['pending', 'claimed'])
    .where('kind', 'in', [...LIFECYCLE_TIMER_KINDS]);

const toPending = (row: TimersTable): PendingTimer => ({
  id: row.id,
  kind: row.kind,
  dueAt: row.due_at,
  data: JSON.parse(row.data) as Record<string, unknown>,
});

/** The caller's timer changes plus the derived ones, and the lifecycle column's update. */
function derived(
  db: Kysely<Database>,
  input: CommitInput,
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  pending: readonly TimersTable[],
): { lifecycleText: string; update: CompiledQuery; timers: TimerChanges } {
  const d = (input.derive as DeriveLifecycle)(conversation, events, pending.map(toPending));
  const lifecycleText = JSON.stringify(d.lifecycle);
  return {
    lifecycleText,
    update: db
      .updateTable('conversations')
      .set({ lifecycle: lifecycleText })
      .where('id', '=', input.conversationId)
      .compile(),
    timers: {
      ...input.timers,
      cancelIds: [...(input.timers?.cancelIds ?? []), ...d.cancelIds],
      schedule: [...(input.timers?.schedule ?? []), ...d.schedule],
    },
  };
}

/** The timer statements that go with a successful update, in order: cancel, then schedule. */
function timerQueries(
  db: Kysely<Database>,
  input: CommitInput,
  at: string,
  changes: TimerChanges | undefined = input.timers,
): CompiledQuery[] {
  if (!changes) return [];
  const queries: CompiledQuery[] = [];
  if (changes.cancelIds && changes.cancelIds.length > 0) {
    queries.push(
      db
        .updateTable('timers')
        .set({ status: 'cancelled' })
        .where('id', 'in', [...changes.cancelIds])
        .where('status', 'in', ['pending', 'claimed'])
        .compile(),
    );
  }
  if (changes.cancel && (changes.cancel === 'all' || changes.cancel.length > 0)) {
    let cancel = db
      .updateTable('timers')
      .set({ status: 'cancelled' })
      .where('conversation_id', '=', input.conversationId)
      .where('status', 'in', ['pending', 'claimed']);
    if (changes.cancel !== 'all') cancel = cancel.where('kind', 'in', [...changes.cancel]);
    queries.push(cancel.compile());
  }
  if (changes.schedule && changes.schedule.length > 0) {
    const rows = changes.schedule.map((t) => ({
      id: `t_${randomUUID().replaceAll('-', '')}`,
      conversation_id: input.conversationId,
      kind: t.kind,
      due_at: t.dueAt.toISOString(),
      data: JSON.stringify(t.data ?? {}),
      status: 'pending',
      claimed_by: null,
      claimed_until: null,
      attempts: 0,
      created_at: at,
      fired_at: null,
    }));
    queries.push(db.insertInto('timers').values(rows).compile());
  }
  return queries;
}

/** The provider ids the customer messages claim: a copy stored before rolls the commit back. */
function claimQuery(
  db: Kysely<Database>,
  input: CommitInput,
  result: CommitResult,
  at: string,
): CompiledQuery | undefined {
  if (!result.ok) return undefined;
  const claims = providerMessageClaims(
    result.conversation.channel,
    input.conversationId,
    input.events,
    at,
  );
  return claims.length > 0
    ? db.insertInto('provider_messages').values(claims).compile()
    : undefined;
}

/** SQLite: the whole commit in one synchronous call, as a savepoint of the group commit. */
export function commitSync(
  db: Kysely<Database>,
  sqlite: SyncSqlite,
  input: CommitInput,
): CommitResult {
  const at = input.now.toISOString();
  return sqlite.savepoint(() => {
    const updated = sqlite.all<ConversationsTable>(updateQuery(db, input, at).compile())[0];
    const { result, rows } = outcome(
      input,
      at,
      updated,
      () =>
        sqlite.all<ConversationsTable>(conversationQuery(db, input.conversationId).compile())[0],
    );
    if (rows.length > 0) sqlite.run(db.insertInto('events').values(rows).compile());
    if (!result.ok) return result;
    const claim = claimQuery(db, input, result, at);
    if (claim) sqlite.run(claim);
    if (!input.derive || !updated) {
      for (const q of timerQueries(db, input, at)) sqlite.run(q);
      return result;
    }
    const pending = sqlite.all<TimersTable>(
      pendingLifecycleQuery(db, input.conversationId).compile(),
    );
    const d = derived(db, input, result.conversation, result.events, pending);
    sqlite.run(d.update);
    for (const q of timerQueries(db, input, at, d.timers)) sqlite.run(q);
    return { ...result, conversation: toConversation({ ...updated, lifecycle: d.lifecycleText }) };
  });
}

/** PostgreSQL: the same statements in a Kysely transaction (the UPDATE takes the row lock). */
export async function commitAsync(db: Kysely<Database>, input: CommitInput): Promise<CommitResult> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Claims by one agent queue up here, so each capacity check sees the claim before it.
    if (input.expectCapacity) {
      await trx
        .selectFrom('agents')
        .select('id')
        .where('id', '=', input.expectCapacity.agentId)
        .forUpdate()
        .execute();
    }
    const updated = await updateQuery(trx, input, at).executeTakeFirst();
    const current = updated
      ? undefined
      : await conversationQuery(trx, input.conversationId).executeTakeFirst();
    const { result, rows } = outcome(input, at, updated, () => current);
    if (rows.length > 0) await trx.insertInto('events').values(rows).execute();
    if (!result.ok) return result;
    const claim = claimQuery(trx, input, result, at);
    if (claim) await trx.executeQuery(claim);
    if (!input.derive || !updated) {
      for (const q of timerQueries(trx, input, at)) await trx.executeQuery(q);
      return result;
    }
    const pending = await pendingLifecycleQuery(trx, input.conversationId).forUpdate().execute();
    const d = derived(trx, input, result.conversation, result.events, pending);
    await trx.executeQuery(d.update);
    for (const q of timerQueries(trx, input, at, d.timers)) await trx.executeQuery(q);
    return { ...result, conversation: toConversation({ ...updated, lifecycle: d.lifecycleText }) };
  });
}
