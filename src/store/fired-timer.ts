/**
 * A fired timer completed by the commit it led to (the timer loop's reconcile after a
 * lifecycle timer fired), in that commit's transaction: the timer is never done without the
 * commit, nor left claimed after it. Before, the completion was a statement of its own before
 * the commit: one round trip more per fired timer (about nine per conversation in the fault
 * simulation), and a reconcile that failed after it left a timer done with no commit.
 *
 * Only a timer still claimed by this node is completed: one whose lease ran out and that
 * another node claimed is that node's to complete (timer-repository.ts).
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { renumbered } from './combined-writes.ts';
import type { Database } from './schema.ts';

/** The timer a commit completes, and the node that claimed it. */
export interface FiredTimer {
  readonly id: string;
  readonly claimedBy: string;
}

/** The completion on its own (SQLite runs it after the conditional UPDATE succeeded). */
export function completeTimerQuery(
  db: Kysely<Database>,
  fired: FiredTimer,
  at: string,
): CompiledQuery {
  return completion(db, fired, at).compile();
}

function completion(db: Kysely<Database>, fired: FiredTimer, at: string) {
  return db
    .updateTable('timers')
    .set({ status: 'done', fired_at: at })
    .where('id', '=', fired.id)
    .where('claimed_by', '=', fired.claimedBy)
    .where('status', '=', 'claimed');
}

/**
 * PostgreSQL: the conditional UPDATE (with `RETURNING *`) and the completion as one
 * statement, answering with the UPDATE's rows. The completion reads the UPDATE's rows, so it
 * runs after it (the conversation's row is locked before the timer's, in the order every
 * commit takes them) and only when the UPDATE changed the row. The commit's next statement,
 * the pending timers' read, already sees the timer done.
 */
export function updateCompletingTimer(
  db: Kysely<Database>,
  update: CompiledQuery,
  fired: FiredTimer,
  at: string,
): CompiledQuery {
  const complete = completion(db, fired, at)
    .where(sql<boolean>`exists (select 1 from changed)`)
    .compile();
  return CompiledQuery.raw(
    `with changed as (${update.sql}), completed as (` +
      `${renumbered(complete.sql, update.parameters.length)}) select * from changed`,
    [...update.parameters, ...complete.parameters],
  );
}
