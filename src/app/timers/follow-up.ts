/**
 * The promised follow-up of a deferred conversation: when the team opens (after hours) or at
 * the callback time the customer chose, it re-enters its queue with its priority, the SLA
 * clock starts, and the customer is told a person will reply here (or call them).
 */
import type { FollowUp } from '../../core/conversation/lifecycle.ts';
import { messageCreated } from '../../core/conversation/conversation-events.ts';
import type { TimerRecord } from '../../core/records.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import { applyCommand, type ApplyCommandDeps } from '../conversations/apply-command.ts';
import type { WaitingSettings } from '../conversations/waiting-settings.ts';

/** With no opening in sight (a misconfigured calendar), look again daily rather than never. */
const RETRY_MS = 24 * 3_600_000;

/** The follow-up a deferred conversation is promised: the writer derives its timer. */
export function followUpAt(at: Date | null, now: Date, reason: FollowUp['reason'] = 'team_open') {
  return { at: (at ?? new Date(now.getTime() + RETRY_MS)).toISOString(), reason };
}

export function handleFollowUp(
  deps: ApplyCommandDeps & {
    /** Team name and templates of a queue (the callback message is localised). */
    settings?: Pick<WaitingSettings, 'teamName' | 'overrides'>;
  },
) {
  return async (timer: TimerRecord): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (conversation?.status !== 'deferred') return;
    await applyCommand(deps, conversation.id, {
      command: { type: 'resume_deferred' },
      actor: { type: 'system' },
      data: { reason: timer.data.reason === 'callback' ? 'callback_due' : 'team_open' },
      extraEvents: () => [
        messageCreated(
          { type: 'bot' },
          timer.data.reason === 'callback'
            ? {
                text: customerText(
                  'callback_due',
                  conversation.language,
                  {
                    team:
                      deps.settings?.teamName(conversation.queue, conversation.language) ??
                      customerText('our_team', conversation.language, {}),
                    phone: String(timer.data.phone ?? ''),
                  },
                  deps.settings?.overrides(conversation.queue) ?? {},
                ),
                kind: 'callback_due',
                extra: { intent: 'resumed' },
              }
            : {
                text: customerText(
                  'team_open_resumed',
                  conversation.language,
                  {},
                  deps.settings?.overrides(conversation.queue) ?? {},
                ),
                kind: 'resumed',
                extra: { intent: 'resumed' },
              },
        ),
      ],
    });
  };
}
