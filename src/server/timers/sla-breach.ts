/**
 * First-response SLA breach: nobody has taken a waiting conversation in time. Its priority
 * goes up and supervisors see the breach (the alert list is built from these events). A
 * conversation still in a queue with a fallback chain also overflows to the next fallback
 * team, the customer is told, and the SLA clock restarts at that team's target. The timer
 * always re-arms, so a waiting conversation has a timer that moves it on (no dead ends).
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';
import { overflowTarget } from '../../core/routing/overflow-target.ts';
import type { NewEvent, TimerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { overflowText } from '../routing/overflow-text.ts';
import type { SlaMsFor } from '../routing/queue-sla.ts';

export const SLA_TIMER = 'sla.first_response';
const PRIORITY_BUMP = 15;

export interface SlaBreachDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** The target of the conversation's (new) queue. */
  readonly slaMsFor: SlaMsFor;
  readonly queues: readonly QueueConfig[];
}

/**
 * The SLA timer of a conversation that starts (or restarts) waiting. `breaches` counts the
 * breaches so far; `visited` lists the queues it overflowed from, so it never goes back.
 */
export function slaTimer(now: Date, slaMs: number, breaches = 0, visited: readonly string[] = []) {
  return {
    kind: SLA_TIMER,
    dueAt: new Date(now.getTime() + slaMs),
    data: { breaches, ...(visited.length > 0 ? { visited } : {}) },
  };
}

export function handleSlaBreach(deps: SlaBreachDeps) {
  const queues = new Map(deps.queues.map((q) => [q.id, q]));
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    // Moved meanwhile (an offer made, taken): decide again from the new state, so the timer
    // is never completed without re-arming while the conversation still waits.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await breachOnce(deps, queues, timer, now)) return;
    }
    throw new Error(`SLA breach of ${timer.conversationId} kept racing; it will fire again`);
  };
}

/** True when done (recorded, or nothing to do); false when the conversation changed meanwhile. */
async function breachOnce(
  deps: SlaBreachDeps,
  queues: ReadonlyMap<string, QueueConfig>,
  timer: TimerRecord,
  now: Date,
): Promise<boolean> {
  const conversation = await deps.store.conversations.get(timer.conversationId);
  if (!conversation || (conversation.status !== 'queued' && conversation.status !== 'offered'))
    return true;
  const breaches = Number(timer.data.breaches ?? 0) + 1;
  const visited = Array.isArray(timer.data.visited) ? timer.data.visited.map(String) : [];
  const before = conversation.priority ?? 50;
  const after = Math.min(100, before + PRIORITY_BUMP);
  const waitedSeconds = conversation.handedOverAt
    ? Math.round((now.getTime() - Date.parse(conversation.handedOverAt)) / 1000)
    : null;
  const from = conversation.queue ?? 'general';
  // An offered conversation is about to be taken: it is not moved away from that agent.
  const to =
    conversation.status === 'queued' ? overflowTarget(queues, from, [...visited, from]) : null;
  const teamName = (id: string) => queues.get(id)?.name ?? id;
  const events: NewEvent[] = [
    {
      type: 'conversation.sla_breached',
      actor: { type: 'system' },
      data: { queue: from, breaches, waitedSeconds, priorityBefore: before, priorityAfter: after },
    },
  ];
  if (to !== null) {
    events.push(
      {
        type: 'conversation.overflowed',
        actor: { type: 'system' },
        data: { fromQueue: from, toQueue: to, breaches, priority: after },
      },
      {
        type: 'message.created',
        actor: { type: 'system' },
        data: {
          from: 'system',
          text: overflowText(teamName(from), teamName(to), conversation.language),
          kind: 'overflowed',
        },
      },
    );
  }
  const result = await deps.store.conversations.commit({
    conversationId: conversation.id,
    // Overflow only from the state it was decided in: an offer made meanwhile wins.
    expectStatus: to !== null ? ['queued'] : ['queued', 'offered'],
    changes: { priority: after, ...(to !== null ? { queue: to } : {}) },
    events,
    timers: {
      cancel: [SLA_TIMER],
      schedule: [
        slaTimer(
          now,
          deps.slaMsFor(to ?? from),
          breaches,
          to !== null ? [...visited, from] : visited,
        ),
      ],
    },
    now,
  });
  if (!result.ok) return result.reason === 'not_found';
  deps.bus.publish(result);
  return true;
}
