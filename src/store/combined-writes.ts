/**
 * Several PostgreSQL writes sent as one statement: all but the last become data-modifying
 * `WITH` clauses. A commit's writes after its conditional UPDATE (the event rows, a provider
 * message claim, the lifecycle column, the timers cancelled and scheduled) then cost one round
 * trip instead of one each; every statement of a commit was a round trip, and round trips were
 * what a commit's time and CPU went on (the fault simulation made about 300 per conversation).
 *
 * The parts must not read what another part writes: they run on one snapshot, in no set
 * order. A commit's writes touch different rows, except that two timer cancellations may name
 * the same row, and both write the same status.
 */
import { CompiledQuery } from 'kysely';

/** Kysely's PostgreSQL compiler puts every value in a parameter `$n`, never in the text. */
const PARAMETER = /\$(\d+)/g;

/** The SQL of a query whose parameters follow `offset` others in the statement it joins. */
export function renumbered(text: string, offset: number): string {
  return text.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`);
}

/** One statement doing what `queries` do one after another; undefined when there are none. */
export function combinedWrites(queries: readonly CompiledQuery[]): CompiledQuery | undefined {
  if (queries.length <= 1) return queries[0];
  const parameters: unknown[] = [];
  const texts = queries.map((query) => {
    const offset = parameters.length;
    parameters.push(...query.parameters);
    return renumbered(query.sql, offset);
  });
  const last = texts.pop() as string;
  const clauses = texts.map((text, i) => `w${i} as (${text})`).join(', ');
  return CompiledQuery.raw(`with ${clauses} ${last}`, parameters);
}
