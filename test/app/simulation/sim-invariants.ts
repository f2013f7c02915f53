/**
 * What must hold after every step of the simulation, read from the store:
 * - no dead end: every open conversation has the lifecycle timers `timersFor` says, and a
 *   waiting or deferred one has one that moves it on; nothing pending is overdue;
 * - truth: no waiting customer is past the time they were promised without being told (from
 *   the lifecycle), and none waits past their queue's configured first-response SLA without
 *   a truthful update: from what was published (sim-ledger.ts, not the app's bookkeeping),
 *   they were told something in this waiting spell and the last time told still stands;
 * - one owner: an assigned conversation has exactly its assignee, an offered one its agent;
 * - capacity: nobody holds more than their maximum.
 *
 * `scope` is either every open conversation or the ones a step wrote: a conversation nobody
 * wrote keeps its state and timers, and its deadlines are caught by the overdue check (which
 * always reads every pending timer) or by the next full sweep.
 */
import { isLifecycleTimer } from '../../../src/core/conversation/timer-kinds.ts';
import { missingTimers, timersFor } from '../../../src/core/conversation/timers-for.ts';
import type { AgentRecord } from '../../../src/core/records.ts';
import type { Store } from '../../../src/store/store.ts';
import type { SimLedger } from './sim-ledger.ts';
import { POLICY } from './sim-world.ts';

const OPEN = ['queued', 'offered', 'assigned', 'deferred'] as const;
const MOVES_ON: Record<string, string> = {
  queued: 'sla.first_response',
  offered: 'offer.expire',
  deferred: 'follow_up.due',
};

export interface CheckScope {
  /** Conversation ids to check, or 'all' open ones (a full sweep). */
  readonly ids: readonly string[] | 'all';
  readonly ledger: SimLedger;
  readonly agents: readonly AgentRecord[];
}

interface PendingTimer {
  kind: string;
  dueAt: string;
  data: Record<string, unknown>;
}

export async function violations(store: Store, now: Date, scope: CheckScope): Promise<string[]> {
  const out: string[] = [];
  const nowIso = now.toISOString();
  const ids = scope.ids;
  let rows = store.db
    .selectFrom('conversations')
    .select(['id', 'status', 'queue', 'assignee_id', 'offered_to', 'lifecycle', 'last_seq'])
    .where('status', 'in', [...OPEN]);
  if (ids !== 'all') rows = rows.where('id', 'in', [...ids]);
  const open = ids !== 'all' && ids.length === 0 ? [] : await rows.execute();
  // Overdue: every pending lifecycle timer of an open conversation, whoever wrote it last.
  const overdue = await store.db
    .selectFrom('timers')
    .innerJoin('conversations', 'conversations.id', 'timers.conversation_id')
    .select(['timers.conversation_id', 'timers.kind'])
    .where('timers.status', 'in', ['pending', 'claimed'])
    .where('timers.due_at', '<', nowIso)
    .where('conversations.status', 'in', [...OPEN])
    .execute();
  for (const t of overdue) {
    if (isLifecycleTimer(t.kind)) out.push(`${t.conversation_id}: ${t.kind} overdue`);
  }
  const byConversation = new Map<string, PendingTimer[]>();
  if (open.length > 0) {
    let pending = store.db
      .selectFrom('timers')
      .select(['conversation_id', 'kind', 'due_at', 'data'])
      .where('status', 'in', ['pending', 'claimed']);
    pending =
      ids === 'all'
        ? pending.where('conversation_id', 'in', (eb) =>
            eb
              .selectFrom('conversations')
              .select('id')
              .where('status', 'in', [...OPEN]),
          )
        : pending.where(
            'conversation_id',
            'in',
            open.map((c) => c.id),
          );
    for (const t of await pending.execute()) {
      if (!isLifecycleTimer(t.kind)) continue;
      const list = byConversation.get(t.conversation_id) ?? [];
      list.push({
        kind: t.kind,
        dueAt: t.due_at,
        data: JSON.parse(t.data) as PendingTimer['data'],
      });
      byConversation.set(t.conversation_id, list);
    }
  }
  if (ids === 'all') {
    // The ledger's view of what is open must be the store's (a change not published would
    // leave the per-step checks blind to a conversation).
    const stored = new Set(open.map((c) => c.id));
    for (const id of scope.ledger.open.keys())
      if (!stored.has(id)) out.push(`${id}: open in the ledger only`);
    for (const c of open) {
      if (scope.ledger.open.get(c.id)?.lastSeq !== Number(c.last_seq))
        out.push(`${c.id}: its last change was not published`);
    }
  }
  for (const c of open) {
    const lifecycle = JSON.parse(c.lifecycle ?? 'null');
    if (!lifecycle) {
      out.push(`${c.id}: ${c.status} without a lifecycle`);
      continue;
    }
    const state = {
      status: c.status as (typeof OPEN)[number],
      queue: c.queue,
      offeredTo: c.offered_to,
      lifecycle,
    };
    const have = byConversation.get(c.id) ?? [];
    for (const t of missingTimers(state, POLICY, have))
      out.push(`${c.id}: ${c.status} lacks ${t.kind}`);
    if (have.length > timersFor(state, POLICY).length) {
      out.push(
        `${c.id}: stray timers ${JSON.stringify({ have, want: timersFor(state, POLICY), state })}`,
      );
    }
    const moving = MOVES_ON[c.status];
    if (moving && !have.some((t) => t.kind === moving))
      out.push(`${c.id}: ${c.status}, nothing moves it on`);
    if (
      c.status === 'assigned' &&
      lifecycle.awaitingAgentSince &&
      !have.some((t) => t.kind === 'agent.reply_due')
    ) {
      out.push(`${c.id}: customer waits on the agent with no deadline`);
    }
    if (c.status === 'assigned' && (!c.assignee_id || c.offered_to))
      out.push(`${c.id}: assigned without one owner`);
    if (c.status === 'offered' && (!c.offered_to || c.assignee_id))
      out.push(`${c.id}: offered without one agent`);
    if ((c.status === 'queued' || c.status === 'deferred') && (c.assignee_id || c.offered_to)) {
      out.push(`${c.id}: ${c.status} but held`);
    }
  }
  // Time alone can break these, so they are checked for every waiting conversation, from
  // what was published (the full sweep holds the ledger to the store).
  for (const c of scope.ledger.open.values()) {
    if (c.status !== 'queued' && c.status !== 'offered') continue;
    const promisedBy = c.lifecycle.promisedBy;
    if (promisedBy && promisedBy < nowIso)
      out.push(`${c.id}: promise of ${promisedBy} broken and not told`);
    out.push(...truth(c, now, scope.ledger));
  }
  return capacity(store, scope, out);
}

/** Past the configured SLA of its queue, a waiting customer has been told the truth. */
function truth(c: { id: string; queue: string | null }, now: Date, ledger: SimLedger): string[] {
  const spell = ledger.spells.get(c.id);
  if (!spell) return [`${c.id}: waiting, but no waiting spell was published`];
  const slaPoint = Date.parse(spell.since) + POLICY.slaSeconds(c.queue) * 1000;
  if (now.getTime() <= slaPoint) return [];
  if (spell.toldAt === null)
    return [`${c.id}: waiting past the SLA, told nothing since ${spell.since}`];
  if (spell.promisedBy !== null && Date.parse(spell.promisedBy) < now.getTime())
    return [`${c.id}: waiting past the SLA, told a person by ${spell.promisedBy}, not corrected`];
  return [];
}

async function capacity(store: Store, scope: CheckScope, out: string[]): Promise<string[]> {
  const load = await store.reads.loadByAgent();
  for (const a of scope.agents) {
    if ((load.get(a.id) ?? 0) > a.maxConcurrent) {
      const held = [...scope.ledger.open.values()].filter(
        (c) => c.assigneeId === a.id || c.offeredTo === a.id,
      );
      out.push(
        `${a.name} holds ${load.get(a.id)} > ${a.maxConcurrent}: ${JSON.stringify(held.map((c) => [c.id, c.status]))}`,
      );
    }
  }
  return out;
}
