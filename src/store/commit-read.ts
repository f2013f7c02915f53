/**
 * SQLite's read inside a commit: the conversation's row and its pending lifecycle timers in
 * one statement, taken as arrays (better-sqlite3's raw mode). Two statements with a row object
 * each cost about twice as much on the message path: better-sqlite3 names every column of an
 * object row anew, and the timers' `data` was parsed one timer at a time (docs/bench.md).
 * PostgreSQL keeps `RETURNING` and its own locked timer read (conversation-writes.ts).
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { LIFECYCLE_TIMER_KINDS } from '../core/conversation/timer-kinds.ts';
import type { PendingTimer } from './lifecycle-derive.ts';
import type { QueryTemplates } from './query-templates.ts';
import type { ConversationsTable, Database } from './schema.ts';
import type { SyncSqlite } from './statement-cache.ts';

/** Every column of `conversations`, in the order the read selects them. */
const COLUMNS = [
  'id',
  'channel',
  'status',
  'queue',
  'priority',
  'assignee_id',
  'offered_to',
  'language',
  'customer',
  'customer_key',
  'external_thread',
  'channel_state',
  'declined_by',
  'lifecycle',
  'token_hash',
  'last_seq',
  'handoff',
  'preview',
  'created_at',
  'updated_at',
  'handed_over_at',
  'resolved_at',
] as const satisfies readonly (keyof ConversationsTable)[];

// A column added to the table and not here fails the typecheck.
type Unread = Exclude<keyof ConversationsTable, (typeof COLUMNS)[number]>;
const everyColumn: [Unread] extends [never] ? true : Unread = true;
void everyColumn;

const at = Object.fromEntries(COLUMNS.map((column, i) => [column, i])) as {
  readonly [C in (typeof COLUMNS)[number]]: number;
};

export function rowWithTimersQuery(
  db: Kysely<Database>,
  templates: QueryTemplates,
  id: string,
): CompiledQuery {
  const build = (slot: (index: number) => string) =>
    db
      .selectFrom('conversations')
      .select(COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('timers')
          // One JSON array for all of them, `data` inlined as JSON: one parse in JavaScript.
          .select(
            sql<string>`json_group_array(json_array(${sql.ref('timers.id')}, ${sql.ref('timers.kind')}, ${sql.ref('timers.due_at')}, json(${sql.ref('timers.data')})))`.as(
              'timers',
            ),
          )
          .whereRef('timers.conversation_id', '=', 'conversations.id')
          .where('timers.status', 'in', ['pending', 'claimed'])
          // `or`, not `in`: SQLite builds a temporary table for an `in` list on every run.
          .where((w) => w.or(LIFECYCLE_TIMER_KINDS.map((kind) => w('timers.kind', '=', kind))))
          .as('pending_timers'),
      )
      .where('conversations.id', '=', slot(0))
      .compile();
  return templates.fill('row-with-timers', build, [id]);
}

/** The row (undefined when there is none) and its pending lifecycle timers. */
export function readRowWithTimers(
  db: Kysely<Database>,
  templates: QueryTemplates,
  sqlite: SyncSqlite,
  id: string,
): { readonly row: ConversationsTable; readonly pending: PendingTimer[] } | undefined {
  const values = sqlite.raw(rowWithTimersQuery(db, templates, id))[0];
  if (!values) return undefined;
  const timers = JSON.parse(values[COLUMNS.length] as string) as [
    string,
    string,
    string,
    Record<string, unknown>,
  ][];
  return {
    row: toRow(values),
    pending: timers.map(([timerId, kind, dueAt, data]) => ({ id: timerId, kind, dueAt, data })),
  };
}

function toRow(v: readonly unknown[]): ConversationsTable {
  return {
    id: v[at.id] as string,
    channel: v[at.channel] as string,
    status: v[at.status] as string,
    queue: v[at.queue] as string | null,
    priority: v[at.priority] as number | null,
    assignee_id: v[at.assignee_id] as string | null,
    offered_to: v[at.offered_to] as string | null,
    language: v[at.language] as string | null,
    customer: v[at.customer] as string,
    customer_key: v[at.customer_key] as string | null,
    external_thread: v[at.external_thread] as string | null,
    channel_state: v[at.channel_state] as string | null,
    declined_by: v[at.declined_by] as string | null,
    lifecycle: v[at.lifecycle] as string | null,
    token_hash: v[at.token_hash] as string,
    last_seq: v[at.last_seq] as number,
    handoff: v[at.handoff] as string | null,
    preview: v[at.preview] as string | null,
    created_at: v[at.created_at] as string,
    updated_at: v[at.updated_at] as string,
    handed_over_at: v[at.handed_over_at] as string | null,
    resolved_at: v[at.resolved_at] as string | null,
  };
}
