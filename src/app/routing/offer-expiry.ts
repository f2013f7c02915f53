/**
 * An offer nobody answered: the conversation goes back to the queue, the silent agent counts
 * as having passed in this round, and the router offers it to the next agent; when every
 * eligible agent has passed, a new round begins (router-service.ts), so it comes back to them.
 */
import type { TimerRecord } from '../../core/records.ts';
import { applyCommand, type ApplyCommandDeps } from '../conversations/apply-command.ts';

export function handleOfferExpiry(deps: ApplyCommandDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const agentId = String(timer.data.agentId ?? '');
    if (conversation?.status !== 'offered' || conversation.offeredTo !== agentId) return;
    try {
      await applyCommand(deps, conversation.id, {
        command: { type: 'expire_offer' },
        actor: { type: 'system' },
        data: { agentId },
        declineBy: agentId,
      });
    } catch {
      // Accepted at the last moment: nothing to take back.
    }
  };
}
