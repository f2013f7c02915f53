/**
 * The promised follow-up of an after-hours request: when the team opens, the deferred
 * conversation re-enters its queue with its priority, the SLA clock starts, and the
 * customer is told a person will reply here.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { NewTimer, TimerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { applyCommand } from '../conversations/apply-command.ts';
import { slaTimer } from './sla-breach.ts';

export const FOLLOW_UP_TIMER = 'follow_up.due';
/** With no opening in sight (a misconfigured calendar), look again daily rather than never. */
const RETRY_MS = 24 * 3_600_000;

export function followUpTimer(at: Date | null, now: Date): NewTimer {
  return { kind: FOLLOW_UP_TIMER, dueAt: at ?? new Date(now.getTime() + RETRY_MS) };
}

export function handleFollowUp(deps: {
  store: Store;
  bus: EventBus;
  clock: () => Date;
  slaMs: number;
}) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (conversation?.status !== 'deferred') return;
    await applyCommand(deps, conversation.id, {
      command: { type: 'resume_deferred' },
      actor: { type: 'system' },
      data: { reason: 'team_open' },
      extraEvents: () => [
        {
          type: 'message.created',
          actor: { type: 'bot' },
          data: {
            from: 'bot',
            text: 'Our team is open now. Your request is first in line, and a person will reply right here.',
            kind: 'resumed',
            intent: 'resumed',
          },
        },
      ],
      timers: { cancel: [FOLLOW_UP_TIMER], schedule: [slaTimer(now, deps.slaMs)] },
    });
  };
}
