/**
 * The conversation log's write: one transaction with a conditional UPDATE that allocates
 * the next `seq` values (and is the atomic claim), then the event rows. The queries are
 * built once with Kysely; they run in a Kysely transaction on PostgreSQL and in one
 * synchronous better-sqlite3 transaction on SQLite, the hot path of every message.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import { LIFECYCLE_TIMER_KINDS } from '../core/conversation/timer-kinds.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from '../core/records.ts';
import { visibleTo, type VisibleTo } from './agent-visibility.ts';
import { combinedWrites } from './combined-writes.ts';
import { readRowWithTimers } from './commit-read.ts';
import { completeTimerQuery, updateCompletingTimer, type FiredTimer } from './fired-timer.ts';
import type { DeriveLifecycle, PendingTimer } from './lifecycle-derive.ts';
import { providerMessageClaims } from './provider-messages.ts';
import { timerQueries } from './timer-writes.ts';
import { toConversation, toConversationColumns, toEvent } from './row-mapping.ts';
import type { ConversationsTable, Database, EventsTable, TimersTable } from './schema.ts';
import type { QueryTemplates } from './query-templates.ts';
import { type Slot } from './query-templates.ts';
import type { SyncSqlite } from './statement-cache.ts';

export interface CommitInput {
  readonly conversationId: string;
  /** Apply only while the conversation is in one of these states. */
  readonly expectStatus?: readonly ConversationState[];
  /** Apply only while this agent (or nobody, for null) owns the conversation. */
  readonly expectAssigneeId?: string | null;
  /** Apply only while the conversation is offered to this agent (or to nobody, for null). */
  readonly expectOfferedTo?: string | null;
  /**
   * Apply only while this agent may act on the conversation (agent-visibility.ts): the scope
   * check of an agent's write, in the write itself, so a transfer in between is not overrun.
   */
  readonly expectVisibleTo?: VisibleTo;
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
  /** A fired timer done with this commit, in its transaction, if made (fired-timer.ts). */
  readonly completesTimer?: FiredTimer;
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

/**
 * The conditional UPDATE. Its SQL depends only on which columns change and which conditions
 * apply, so it is compiled once per such shape (query-templates.ts). `returning`: with
 * `RETURNING *` (PostgreSQL); SQLite reads the row after it instead (commitSync).
 */
export function updateQuery(
  db: Kysely<Database>,
  templates: QueryTemplates,
  input: CommitInput,
  at: string,
  returning = true,
): CompiledQuery<ConversationsTable> {
  const columns = toConversationColumns(input.changes ?? {});
  const names = Object.keys(columns) as (keyof ConversationsTable)[];
  const statuses = input.expectStatus ?? [];
  const assignee = input.expectAssigneeId;
  const cap = input.expectCapacity;
  const offered = input.expectOfferedTo;
  const scope = input.expectVisibleTo;
  const shape = [
    'update',
    names.join(','),
    statuses.length,
    assignee === null ? 'nobody' : assignee === undefined ? '' : 'agent',
    offered === null ? 'offered-nobody' : offered === undefined ? '' : 'offered',
    scope ? `scope-${scope.queues.length}-${scope.everyHandedOver === true}` : '',
    input.expectLastSeq === undefined ? '' : 'seq',
    cap ? 'cap' : '',
    returning ? 'returning' : '',
  ].join('|');
  // Values in a fixed order; `build` puts slot i where value i goes.
  const values: unknown[] = [
    ...names.map((name) => columns[name]),
    input.events.length,
    at,
    input.conversationId,
    ...statuses,
    ...(typeof assignee === 'string' ? [assignee] : []),
    ...(input.expectLastSeq === undefined ? [] : [input.expectLastSeq]),
    ...(cap ? [cap.agentId, cap.max] : []),
    ...(typeof offered === 'string' ? [offered] : []),
    ...(scope ? [scope.agentId, ...scope.queues] : []),
  ];
  const build = (slot: Slot) => {
    // Slot i stands for values[i], handed out in the order the values are listed above.
    let n = 0;
    const nextSlot = () => slot(n++);
    const set = Object.fromEntries(names.map((name) => [name, nextSlot()]));
    const increment = nextSlot() as unknown as number;
    const updatedAt = nextSlot();
    const id = nextSlot();
    let update = db
      .updateTable('conversations')
      .set((eb) => ({ ...set, last_seq: eb('last_seq', '+', increment), updated_at: updatedAt }))
      .where('id', '=', id);
    if (statuses.length > 0) {
      update = update.where('status', 'in', statuses.map(nextSlot) as ConversationState[]);
    }
    if (assignee === null) update = update.where('assignee_id', 'is', null);
    else if (assignee !== undefined) update = update.where('assignee_id', '=', nextSlot());
    if (input.expectLastSeq !== undefined) {
      update = update.where('last_seq', '=', nextSlot() as unknown as number);
    }
    if (cap) {
      const agentId = nextSlot();
      const max = nextSlot() as unknown as number;
      update = update.where(
        (eb) =>
          eb
            .selectFrom('conversations as held')
            .select((c) => c.fn.countAll().as('n'))
            .where('held.id', '!=', id)
            .where((w) =>
              w.or([
                w.and([w('held.status', '=', 'assigned'), w('held.assignee_id', '=', agentId)]),
                w.and([w('held.status', '=', 'offered'), w('held.offered_to', '=', agentId)]),
              ]),
            ),
        '<',
        max,
      );
    }
    if (offered === null) update = update.where('offered_to', 'is', null);
    else if (offered !== undefined) update = update.where('offered_to', '=', nextSlot());
    if (scope) {
      const slots = { agentId: nextSlot(), queues: scope.queues.map(nextSlot) };
      const everyHandedOver = scope.everyHandedOver === true;
      update = update.where((eb) => visibleTo(eb, { ...slots, everyHandedOver }));
    }
    return returning ? update.returningAll().compile() : update.compile();
  };
  return templates.fill(shape, build, values) as CompiledQuery<ConversationsTable>;
}

export const conversationQuery = (db: Kysely<Database>, templates: QueryTemplates, id: string) =>
  templates.fill(
    'conversation',
    (slot) => db.selectFrom('conversations').selectAll().where('id', '=', slot(0)).compile(),
    [id],
  ) as CompiledQuery<ConversationsTable>;

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

const EVENT_COLUMNS = [
  'conversation_id',
  'seq',
  'type',
  'actor_type',
  'actor_id',
  'actor_name',
  'data',
  'client_message_id',
  'created_at',
] as const satisfies readonly (keyof EventsTable)[];

/** The INSERT of a commit's events, compiled once per number of rows. */
export function insertEventsQuery(
  db: Kysely<Database>,
  templates: QueryTemplates,
  rows: readonly EventsTable[],
): CompiledQuery {
  const width = EVENT_COLUMNS.length;
  return templates.fill(
    `events|${rows.length}`,
    (slot) =>
      db
        .insertInto('events')
        .values(
          rows.map(
            (_, r) =>
              Object.fromEntries(
                EVENT_COLUMNS.map((column, c) => [column, slot(r * width + c)]),
              ) as unknown as EventsTable,
          ),
        )
        .compile(),
    rows.flatMap((row) => EVENT_COLUMNS.map((column) => row[column])),
  );
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

/**
 * The conversation's pending lifecycle timers; `lock` (PostgreSQL) holds them till commit.
 * SQLite reads them with the row instead (commit-read.ts).
 */
export function pendingLifecycleQuery(
  db: Kysely<Database>,
  templates: QueryTemplates,
  id: string,
  lock: boolean,
): CompiledQuery<TimersTable> {
  const build = (slot: Slot) => {
    const select = db
      .selectFrom('timers')
      .selectAll()
      .where('conversation_id', '=', slot(0))
      .where('status', 'in', ['pending', 'claimed'])
      .where('kind', 'in', [...LIFECYCLE_TIMER_KINDS]);
    return (lock ? select.forUpdate() : select).compile();
  };
  return templates.fill(`pending-lifecycle|${lock}`, build, [id]) as CompiledQuery<TimersTable>;
}

const toPending = (row: TimersTable): PendingTimer => ({
  id: row.id,
  kind: row.kind,
  dueAt: row.due_at,
  data: JSON.parse(row.data) as Record<string, unknown>,
});

/** The caller's timer changes plus the derived ones, and the lifecycle column's update. */
function derived(
  db: Kysely<Database>,
  templates: QueryTemplates,
  input: CommitInput,
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  pending: readonly PendingTimer[],
  storedLifecycle: string | null,
): { lifecycleText: string; update: CompiledQuery | undefined; timers: TimerChanges } {
  const d = (input.derive as DeriveLifecycle)(conversation, events, pending);
  const lifecycleText = JSON.stringify(d.lifecycle);
  return {
    lifecycleText,
    // Most messages leave the clocks as they were (a second customer line while the first
    // waits): then there is nothing to write.
    update:
      lifecycleText === storedLifecycle
        ? undefined
        : templates.fill(
            'lifecycle',
            (slot) =>
              db
                .updateTable('conversations')
                .set({ lifecycle: slot(0) })
                .where('id', '=', slot(1))
                .compile(),
            [lifecycleText, input.conversationId],
          ),
    timers: {
      ...input.timers,
      cancelIds: [...(input.timers?.cancelIds ?? []), ...d.cancelIds],
      schedule: [...(input.timers?.schedule ?? []), ...d.schedule],
    },
  };
}

/**
 * The committed record: the one already made from the row when the lifecycle did not change
 * (most messages), else one with the new lifecycle.
 */
function withLifecycle(
  conversation: ConversationRecord,
  updated: ConversationsTable,
  d: { readonly lifecycleText: string; readonly update: CompiledQuery | undefined },
): ConversationRecord {
  return d.update ? toConversation({ ...updated, lifecycle: d.lifecycleText }) : conversation;
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

/**
 * SQLite: the whole commit in one synchronous call, inside the group commit's transaction
 * (group-commit.ts), which may run it a second time in a savepoint if another write fails.
 */
export function commitSync(
  db: Kysely<Database>,
  templates: QueryTemplates,
  sqlite: SyncSqlite,
  input: CommitInput,
): CommitResult {
  const at = input.now.toISOString();
  // No RETURNING: on SQLite it buffers the row in a temporary table, which cost more than
  // reading the row again. With one writer inside one transaction, the row read next is what
  // RETURNING would have given, or, when the UPDATE's conditions failed, the current row; the
  // same statement reads the pending lifecycle timers (commit-read.ts).
  const changed = sqlite.run(updateQuery(db, templates, input, at, false));
  // Before the read, so that the pending timers the derive step sees leave the fired one out.
  if (changed > 0 && input.completesTimer) {
    sqlite.run(completeTimerQuery(db, input.completesTimer, at));
  }
  const read = readRowWithTimers(db, templates, sqlite, input.conversationId);
  const row = read?.row;
  const updated = changed > 0 ? row : undefined;
  const { result, rows } = outcome(input, at, updated, () => row);
  if (rows.length > 0) sqlite.run(insertEventsQuery(db, templates, rows));
  if (!result.ok) return result;
  const claim = claimQuery(db, input, result, at);
  if (claim) sqlite.run(claim);
  if (!input.derive || !updated || !read) {
    for (const q of timerQueries(db, input, at)) sqlite.run(q);
    return result;
  }
  const d = derived(
    db,
    templates,
    input,
    result.conversation,
    result.events,
    read.pending,
    updated.lifecycle,
  );
  if (d.update) sqlite.run(d.update);
  for (const q of timerQueries(db, input, at, d.timers)) sqlite.run(q);
  return { ...result, conversation: withLifecycle(result.conversation, updated, d) };
}

/** PostgreSQL: the same statements in a Kysely transaction (the UPDATE takes the row lock). */
export async function commitAsync(
  db: Kysely<Database>,
  templates: QueryTemplates,
  input: CommitInput,
): Promise<CommitResult> {
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
    const update = updateQuery(trx, templates, input, at);
    const fired = input.completesTimer;
    const updated = (
      await trx.executeQuery(fired ? updateCompletingTimer(trx, update, fired, at) : update)
    ).rows[0] as ConversationsTable | undefined;
    const current = updated
      ? undefined
      : (await trx.executeQuery(conversationQuery(trx, templates, input.conversationId))).rows[0];
    const { result, rows } = outcome(input, at, updated, () => current);
    if (!result.ok) return result;
    // Nothing below reads what these write: they go with the derived writes, in one statement.
    const writes: CompiledQuery[] = [];
    if (rows.length > 0) writes.push(insertEventsQuery(trx, templates, rows));
    const claim = claimQuery(trx, input, result, at);
    if (claim) writes.push(claim);
    if (!input.derive || !updated) {
      await execute(trx, [...writes, ...timerQueries(trx, input, at)]);
      return result;
    }
    const pending = (
      await trx.executeQuery(pendingLifecycleQuery(trx, templates, input.conversationId, true))
    ).rows.map(toPending);
    const d = derived(
      trx,
      templates,
      input,
      result.conversation,
      result.events,
      pending,
      updated.lifecycle,
    );
    if (d.update) writes.push(d.update);
    await execute(trx, [...writes, ...timerQueries(trx, input, at, d.timers)]);
    return { ...result, conversation: withLifecycle(result.conversation, updated, d) };
  });
}

/** The writes in one round trip (combined-writes.ts). */
async function execute(trx: Kysely<Database>, writes: readonly CompiledQuery[]): Promise<void> {
  const statement = combinedWrites(writes);
  if (statement) await trx.executeQuery(statement);
}
