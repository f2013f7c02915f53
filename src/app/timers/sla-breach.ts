/**
 * First-response SLA breach: nobody has taken a waiting conversation in time. Its priority
 * goes up, boundedly (core/routing/bump-priority.ts), and supervisors see the breach (the
 * alert list is built from these events; from the second breach on, an explicit
 * `conversation.supervisor_alerted` too). A conversation still in a queue with a fallback
 * chain also overflows to the next fallback team, and the customer is told their place in
 * the new line. The breach restarts the SLA clock in the lifecycle, so the writer derives
 * the next timer: a waiting conversation always has one that moves it on (no dead ends).
 */
import { systemMessage } from '../../core/conversation/conversation-events.ts';
import { bumpPriority, type PriorityBump } from '../../core/routing/bump-priority.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';
import { overflowTarget } from '../../core/routing/overflow-target.ts';
import type { NewEvent, TimerRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import { overflowText } from '../routing/overflow-text.ts';
import { byLanguage } from '../../core/i18n/customer-text.ts';

export interface SlaBreachDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly queues: readonly QueueConfig[];
  readonly bump: PriorityBump;
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
  // A timer of an earlier rung that lost a race: the current one is pending already.
  if (Number(timer.data.stage ?? 0) !== conversation.lifecycle.slaStage) return true;
  const breaches = conversation.lifecycle.slaStage + 1;
  const visited = conversation.lifecycle.overflowedFrom;
  const before = conversation.priority ?? 50;
  const after = bumpPriority(before, deps.bump);
  const waitedSeconds = conversation.handedOverAt
    ? Math.round((now.getTime() - Date.parse(conversation.handedOverAt)) / 1000)
    : null;
  const from = conversation.queue ?? 'general';
  // An offered conversation is about to be taken: it is not moved away from that agent.
  const to =
    conversation.status === 'queued' ? overflowTarget(queues, from, [...visited, from]) : null;
  // The team names in the customer's language, as every other waiting text says them.
  const teamName = (id: string) => {
    const queue = queues.get(id);
    return byLanguage(queue?.names, conversation.language) || queue?.name || id;
  };
  const events: NewEvent[] = [
    {
      type: 'conversation.sla_breached',
      actor: { type: 'system' },
      data: { queue: from, breaches, waitedSeconds, priorityBefore: before, priorityAfter: after },
    },
  ];
  if (breaches >= 2) {
    events.push({
      type: 'conversation.supervisor_alerted',
      actor: { type: 'system' },
      data: { reason: 'sla_breached', breaches, waitedSeconds },
    });
  }
  if (to !== null) {
    const place = await deps.store.reads.placeInLine({
      ...conversation,
      queue: to,
      priority: after,
    });
    events.push(
      {
        type: 'conversation.overflowed',
        actor: { type: 'system' },
        data: { fromQueue: from, toQueue: to, breaches, priority: after },
      },
      systemMessage(
        overflowText(teamName(from), teamName(to), place, conversation.language),
        'overflowed',
      ),
    );
  }
  // The writer restarts the SLA clock from this breach (at the new team's target).
  const result = await deps.writer.commit({
    conversationId: conversation.id,
    // Overflow only from the state it was decided in: an offer made meanwhile wins.
    expectStatus: to !== null ? ['queued'] : ['queued', 'offered'],
    expectLastSeq: conversation.lastSeq,
    changes: { priority: after, ...(to !== null ? { queue: to } : {}) },
    events,
    now,
  });
  return result.ok || result.reason === 'not_found';
}
