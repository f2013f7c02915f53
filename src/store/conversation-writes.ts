/**
 * The conversation log's write: one transaction with a conditional UPDATE that allocates
 * the next `seq` values (and is the atomic claim), then the event rows. The queries are
 * built once with Kysely; they run in a Kysely transaction on PostgreSQL and in one
 * synchronous better-sqlite3 transaction on SQLite, the hot path of every message.
 */
import { randomUUID } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from './records.ts';
import { providerMessageClaims } from './provider-messages.ts';
import { toConversation, toConversationColumns, toEvent } from './row-mapping.ts';
import type { ConversationsTable, Database, EventsTable } from './schema.ts';
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

/** The timer statements that go with a successful update, in order: cancel, then schedule. */
function timerQueries(db: Kysely<Database>, input: CommitInput, at: string): CompiledQuery[] {
  const changes = input.timers;
  if (!changes) return [];
  const queries: CompiledQuery[] = [];
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
    const claim = claimQuery(db, input, result, at);
    if (claim) sqlite.run(claim);
    if (result.ok) for (const q of timerQueries(db, input, at)) sqlite.run(q);
    return result;
  });
}

/** PostgreSQL: the same statements in a Kysely transaction (the UPDATE takes the row lock). */
export async function commitAsync(db: Kysely<Database>, input: CommitInput): Promise<CommitResult> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await updateQuery(trx, input, at).executeTakeFirst();
    const current = updated
      ? undefined
      : await conversationQuery(trx, input.conversationId).executeTakeFirst();
    const { result, rows } = outcome(input, at, updated, () => current);
    if (rows.length > 0) await trx.insertInto('events').values(rows).execute();
    const claim = claimQuery(trx, input, result, at);
    if (claim) await trx.executeQuery(claim);
    if (result.ok) for (const q of timerQueries(trx, input, at)) await trx.executeQuery(q);
    return result;
  });
}
