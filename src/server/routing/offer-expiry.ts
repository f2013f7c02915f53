/**
 * An offer nobody answered: the conversation goes back to the queue, the silent agent counts
 * as having declined it, and the router offers it to the next agent.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { TimerRecord } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { applyCommand } from '../conversations/apply-command.ts';

export function handleOfferExpiry(deps: { store: Store; bus: EventBus; clock: () => Date }) {
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
