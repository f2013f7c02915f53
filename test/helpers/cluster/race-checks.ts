/**
 * What the store says about the claim races, read directly from PostgreSQL: what each agent
 * holds, and each raced conversation's `conversation.assigned` events.
 */
import type pg from 'pg';

/** The agents who hold more than their capacity now, counting everything they hold. */
export async function storedOverCapacity(
  db: pg.Client,
  agents: readonly { readonly id: string; readonly maxConcurrent: number }[],
): Promise<number> {
  const held = await db.query<{ agent: string; n: string }>(
    `select assignee_id as agent, count(*) as n from conversations
     where status = 'assigned' and assignee_id = any($1) group by assignee_id`,
    [agents.map((a) => a.id)],
  );
  return held.rows.filter((row) => {
    const agent = agents.find((a) => a.id === row.agent);
    return agent !== undefined && Number(row.n) > agent.maxConcurrent;
  }).length;
}

/**
 * Each conversation's stored assignments against its 200s (`wins`, by conversation id), and
 * an assignment that follows another with no transfer between them: a double assignment the
 * store recorded whatever the answers said.
 */
export async function storedAssignments(
  db: pg.Client,
  wins: ReadonlyMap<string, number>,
): Promise<{ total: number; mismatches: string[] }> {
  const ids = [...wins.keys()];
  const counts = await db.query<{ id: string; n: string }>(
    `select conversation_id as id, count(*) as n from events
     where type = 'conversation.assigned' and conversation_id = any($1) group by conversation_id`,
    [ids],
  );
  const stored = new Map(counts.rows.map((r) => [r.id, Number(r.n)]));
  const mismatches = ids
    .filter((id) => (stored.get(id) ?? 0) !== wins.get(id))
    .map((id) => `${id}: ${stored.get(id) ?? 0} stored, ${wins.get(id)} answered 200`);
  const repeated = await db.query<{ id: string; seq: number }>(
    `select id, seq from (
       select conversation_id as id, seq, type,
              lag(type) over (partition by conversation_id order by seq) as previous
       from events where conversation_id = any($1)
         and type in ('conversation.assigned', 'conversation.transferred', 'conversation.requeued')
     ) e where type = 'conversation.assigned' and previous = 'conversation.assigned'`,
    [ids],
  );
  for (const r of repeated.rows) mismatches.push(`${r.id}: assigned again at seq ${r.seq}`);
  // The first few say enough; the count says how many.
  const shown = mismatches.slice(0, 10);
  if (mismatches.length > shown.length) shown.push(`… ${mismatches.length} in all`);
  return { total: [...stored.values()].reduce((n, v) => n + v, 0), mismatches: shown };
}
