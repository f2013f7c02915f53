/**
 * `nextTimers(conversation, queue, now)`: the timers a conversation needs in its current state.
 * Queued: the next rung of the SLA ladder (at the target a priority bump, at 1.5× an overflow
 * to the fallback queue, at 2× a supervisor alert, then an alert every further target) and a
 * long customer-inactivity check. Offered: the offer timeout. Deferred: the promised follow-up.
 */
import type { ConversationState } from '../conversation/conversation-state.ts';
import type { QueueConfig } from '../routing/queue-config.ts';
import type { SlaAction, Timer } from './timers.ts';

export interface TimerConversation {
  readonly id: string;
  readonly state: ConversationState;
  /** When it entered its current queue. */
  readonly waitingSince: Date | null;
  /** SLA timers already fired while waiting in this queue. */
  readonly slaStage: number;
  readonly offeredTo: string | null;
  readonly offeredAt: Date | null;
  /** The time promised to the customer while deferred. */
  readonly followUpAt: Date | null;
  readonly lastCustomerMessageAt: Date | null;
}

export interface NextTimersOptions {
  /** Minutes of customer silence before checking whether they are still there. */
  readonly inactivityMinutes: { readonly queued: number; readonly assigned: number };
  /** Offer timeout used when a pull queue's conversation is offered anyway. */
  readonly defaultOfferSeconds: number;
}

export const DEFAULT_NEXT_TIMERS: NextTimersOptions = Object.freeze({
  inactivityMinutes: { queued: 120, assigned: 30 },
  defaultOfferSeconds: 30,
});

/** Multiple of the SLA target at which each stage fires, and what it does. */
function slaRung(stage: number, queue: QueueConfig): { factor: number; action: SlaAction } {
  if (stage === 0) return { factor: 1, action: 'priority_bump' };
  // Without a fallback the ladder goes straight to people; after that, a reminder per target.
  if (stage === 1)
    return { factor: 1.5, action: queue.fallback.length > 0 ? 'overflow' : 'supervisor_alert' };
  return { factor: stage, action: 'supervisor_alert' };
}

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

export function nextTimers(
  c: TimerConversation,
  queue: QueueConfig,
  now: Date,
  options: NextTimersOptions = DEFAULT_NEXT_TIMERS,
): Timer[] {
  const id = c.id;
  const inactivity = (minutes: number): Timer[] =>
    c.lastCustomerMessageAt === null
      ? []
      : [
          {
            conversationId: id,
            kind: 'customer_inactivity',
            dueAt: plus(c.lastCustomerMessageAt, minutes * 60_000),
          },
        ];
  switch (c.state) {
    case 'queued': {
      const rung = slaRung(c.slaStage, queue);
      const since = c.waitingSince ?? now;
      const dueAt = plus(since, rung.factor * queue.sla.firstResponseSeconds * 1000);
      return [
        { conversationId: id, kind: 'sla_breach', dueAt, action: rung.action, stage: c.slaStage },
        ...inactivity(options.inactivityMinutes.queued),
      ];
    }
    case 'offered': {
      const seconds =
        queue.assignment.type === 'offer'
          ? queue.assignment.timeoutSeconds
          : options.defaultOfferSeconds;
      return [
        {
          conversationId: id,
          kind: 'offer_timeout',
          agentId: c.offeredTo ?? '',
          dueAt: plus(c.offeredAt ?? now, seconds * 1000),
        },
      ];
    }
    case 'deferred':
      // Without a promised time, fire now so the server decides again instead of waiting forever.
      return [{ conversationId: id, kind: 'follow_up_due', dueAt: c.followUpAt ?? now }];
    case 'assigned':
      return inactivity(options.inactivityMinutes.assigned);
    case 'bot':
    case 'intake':
    case 'resolved':
    case 'abandoned':
      return [];
  }
}
