/**
 * First-response SLA breach: nobody has taken a waiting conversation in time. Its priority
 * goes up, supervisors see an alert event, and the timer re-arms itself, so a waiting
 * conversation always has a timer that moves it on (the no-dead-ends invariant).
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { TimerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';

export const SLA_TIMER = 'sla.first_response';
const PRIORITY_BUMP = 15;

export interface SlaBreachDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly slaMs: number;
}

export function slaTimer(now: Date, slaMs: number, breaches = 0) {
  return { kind: SLA_TIMER, dueAt: new Date(now.getTime() + slaMs), data: { breaches } };
}

export function handleSlaBreach(deps: SlaBreachDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (!conversation || (conversation.status !== 'queued' && conversation.status !== 'offered'))
      return;
    const breaches = Number(timer.data.breaches ?? 0) + 1;
    const before = conversation.priority ?? 50;
    const after = Math.min(100, before + PRIORITY_BUMP);
    const waitedSeconds = conversation.handedOverAt
      ? Math.round((now.getTime() - Date.parse(conversation.handedOverAt)) / 1000)
      : null;
    const result = await deps.store.conversations.commit({
      conversationId: conversation.id,
      expectStatus: ['queued', 'offered'],
      changes: { priority: after },
      events: [
        {
          type: 'conversation.sla_breached',
          actor: { type: 'system' },
          data: {
            queue: conversation.queue,
            breaches,
            waitedSeconds,
            priorityBefore: before,
            priorityAfter: after,
          },
        },
      ],
      timers: { cancel: [SLA_TIMER], schedule: [slaTimer(now, deps.slaMs, breaches)] },
      now,
    });
    if (result.ok) deps.bus.publish(result);
  };
}
