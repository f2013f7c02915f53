/**
 * The promised follow-up of a deferred conversation: when the team opens (after hours) or at
 * the callback time the customer chose, it re-enters its queue with its priority, the SLA
 * clock starts, and the customer is told a person will reply here (or call them).
 */
import type { SlaMsFor } from '../routing/queue-sla.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { NewTimer, TimerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { renderTemplate } from '../../core/sla/message-templates.ts';
import { applyCommand } from '../conversations/apply-command.ts';
import type { WaitingSettings } from '../conversations/waiting-settings.ts';
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
  slaMsFor: SlaMsFor;
  /** Team name and templates of a queue (the callback message is localised). */
  settings?: Pick<WaitingSettings, 'teamName' | 'overrides'>;
}) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (conversation?.status !== 'deferred') return;
    await applyCommand(deps, conversation.id, {
      command: { type: 'resume_deferred' },
      actor: { type: 'system' },
      data: { reason: timer.data.reason === 'callback' ? 'callback_due' : 'team_open' },
      extraEvents: () => [
        {
          type: 'message.created',
          actor: { type: 'bot' },
          data:
            timer.data.reason === 'callback'
              ? {
                  from: 'bot',
                  text: renderTemplate(
                    'callback_due',
                    conversation.language ?? 'en',
                    {
                      team: deps.settings?.teamName(conversation.queue) ?? 'our team',
                      phone: String(timer.data.phone ?? ''),
                    },
                    deps.settings?.overrides(conversation.queue) ?? {},
                  ),
                  kind: 'callback_due',
                  intent: 'resumed',
                }
              : {
                  from: 'bot',
                  text: 'Our team is open now. Your request is first in line, and a person will reply right here.',
                  kind: 'resumed',
                  intent: 'resumed',
                },
        },
      ],
      timers: {
        cancel: [FOLLOW_UP_TIMER],
        schedule: [slaTimer(now, deps.slaMsFor(conversation.queue))],
      },
    });
  };
}
