/**
 * The satisfaction survey of a sampled conversation the bot handled alone, asked once the
 * customer went quiet after the bot's answer (or said goodbye or thanks). The writer arms the
 * timer only for such conversations (timersFor); this handler checks again on the state it
 * reads and asks on condition that nothing happened since, so a customer who wrote meanwhile
 * or a handoff at the same moment is never surveyed, and nobody is asked twice.
 */
import type { TimerRecord } from '../../core/records.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import { csatRequestMessage } from '../conversations/csat-request.ts';
import type { WaitingSettings } from '../conversations/waiting-settings.ts';
import type { Store } from '../../store/store.ts';

export { BOT_SURVEY_TIMER } from '../../core/conversation/timer-kinds.ts';

export interface BotSurveyDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  /** The operator's template overrides (a bot-only conversation has no queue). */
  readonly settings?: Pick<WaitingSettings, 'overrides'>;
}

export function handleBotSurvey(deps: BotSurveyDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const l = conversation?.lifecycle;
    if (conversation?.status !== 'bot' || !l || l.leftBot || l.surveyed || !l.botAnsweredAt) {
      return;
    }
    await deps.writer.commit({
      conversationId: conversation.id,
      expectStatus: ['bot'],
      expectLastSeq: conversation.lastSeq,
      events: [csatRequestMessage(conversation, deps.settings?.overrides(null) ?? {})],
    });
  };
}
