/**
 * The timer statements of a conversation commit: the timers it cancels and schedules, run in
 * its transaction after the conditional UPDATE succeeded (conversation-writes.ts).
 */
import { randomUUID } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import type { TimerChanges } from '../core/records.ts';
import type { Database } from './schema.ts';

/** The timer statements that go with a successful update, in order: cancel, then schedule. */
export function timerQueries(
  db: Kysely<Database>,
  input: { readonly conversationId: string; readonly timers?: TimerChanges },
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
