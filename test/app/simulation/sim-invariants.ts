/**
 * What must hold after every step of the simulation, read from the store:
 * - no dead end: every open conversation has the lifecycle timers `timersFor` says, and a
 *   waiting or deferred one has one that moves it on; nothing pending is overdue;
 * - truth: no waiting customer is past the time they were promised without being told;
 * - one owner: an assigned conversation has exactly its assignee, an offered one its agent;
 * - capacity: nobody holds more than their maximum.
 */
import { isLifecycleTimer } from '../../../src/core/conversation/timer-kinds.ts';
import { missingTimers, timersFor } from '../../../src/core/conversation/timers-for.ts';
import type { Store } from '../../../src/store/store.ts';
import { POLICY } from './sim-world.ts';

const OPEN = ['queued', 'offered', 'assigned', 'deferred'] as const;
const MOVES_ON: Record<string, string> = {
  queued: 'sla.first_response',
  offered: 'offer.expire',
  deferred: 'follow_up.due',
};

export async function violations(store: Store, now: Date): Promise<string[]> {
  const out: string[] = [];
  const open = await store.db
    .selectFrom('conversations')
    .select(['id', 'status', 'queue', 'assignee_id', 'offered_to', 'lifecycle'])
    .where('status', 'in', [...OPEN])
    .execute();
  const pending = await store.db
    .selectFrom('timers')
    .innerJoin('conversations', 'conversations.id', 'timers.conversation_id')
    .select(['timers.conversation_id', 'timers.kind', 'timers.due_at', 'timers.data'])
    .where('timers.status', 'in', ['pending', 'claimed'])
    .where('conversations.status', 'in', [...OPEN])
    .execute();
  const byConversation = new Map<
    string,
    { kind: string; dueAt: string; data: Record<string, unknown> }[]
  >();
  for (const t of pending) {
    if (!isLifecycleTimer(t.kind)) continue;
    if (t.due_at < now.toISOString()) out.push(`${t.conversation_id}: ${t.kind} overdue`);
    const list = byConversation.get(t.conversation_id) ?? [];
    list.push({
      kind: t.kind,
      dueAt: t.due_at,
      data: JSON.parse(t.data) as Record<string, unknown>,
    });
    byConversation.set(t.conversation_id, list);
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
    if (
      (c.status === 'queued' || c.status === 'offered') &&
      lifecycle.promisedBy &&
      lifecycle.promisedBy < now.toISOString()
    ) {
      out.push(`${c.id}: promise of ${lifecycle.promisedBy} broken and not told`);
    }
    if (c.status === 'assigned' && (!c.assignee_id || c.offered_to))
      out.push(`${c.id}: assigned without one owner`);
    if (c.status === 'offered' && (!c.offered_to || c.assignee_id))
      out.push(`${c.id}: offered without one agent`);
    if ((c.status === 'queued' || c.status === 'deferred') && (c.assignee_id || c.offered_to)) {
      out.push(`${c.id}: ${c.status} but held`);
    }
  }
  const load = await store.reads.loadByAgent();
  for (const a of await store.agents.list()) {
    if ((load.get(a.id) ?? 0) > a.maxConcurrent) {
      const held = open.filter((c) => c.assignee_id === a.id || c.offered_to === a.id);
      out.push(
        `${a.name} holds ${load.get(a.id)} > ${a.maxConcurrent}: ${JSON.stringify(held.map((c) => [c.id, c.status]))}`,
      );
    }
  }
  return out;
}
