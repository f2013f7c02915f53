/**
 * A web customer who closes the chat while waiting may come back; one who stays away past
 * the grace period has left. Their conversation is marked abandoned (counted, not deleted)
 * and its timers are cancelled. Channel customers (WhatsApp, SMS …) are never abandoned this
 * way: the answer reaches them in their thread whenever it comes. Nor is a web customer who
 * chose "continue by message": they were told they could leave.
 */
import type { ConversationRecord, TimerRecord } from '../../core/records.ts';
import { applyCommand, type ApplyCommandDeps } from '../conversations/apply-command.ts';
import { KeyedSerializer } from '../conversations/keyed-serializer.ts';

export { INACTIVITY_TIMER } from '../../core/conversation/timer-kinds.ts';
const WAITING = new Set(['queued', 'offered', 'deferred']);

export interface AbandonmentDeps extends ApplyCommandDeps {
  readonly isCustomerConnected: (conversationId: string) => boolean;
  readonly onError: (error: unknown) => void;
}

/** The hub's presence callback: arm the timer when the customer goes, disarm when they return. */
export function watchCustomerPresence(deps: AbandonmentDeps) {
  // A quick close-and-reopen must be applied in that order.
  const ordered = new KeyedSerializer();
  return (conversationId: string, connected: boolean): void => {
    void ordered
      .run(conversationId, async () => {
        const conversation = await deps.store.conversations.get(conversationId);
        if (
          !conversation ||
          conversation.externalThread ||
          !WAITING.has(conversation.status) ||
          continuesByMessage(conversation)
        )
          return;
        // The writer derives the inactivity timer from when they went away.
        await deps.writer.commit({
          conversationId,
          events: [],
          lifecycle: { customerAwaySince: connected ? null : deps.clock().toISOString() },
        });
      })
      .catch(deps.onError);
  };
}

export function handleInactivity(deps: AbandonmentDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (!conversation || !WAITING.has(conversation.status)) return;
    // Back meanwhile, or they chose "continue by message" (leaving is fine): not away.
    if (deps.isCustomerConnected(conversation.id) || continuesByMessage(conversation)) {
      await deps.writer.commit({
        conversationId: conversation.id,
        events: [],
        lifecycle: { customerAwaySince: null },
      });
      return;
    }
    try {
      await applyCommand(deps, conversation.id, {
        command: { type: 'abandon' },
        actor: { type: 'system' },
        data: {
          reason: 'customer_left',
          waitedSeconds: waited(conversation.handedOverAt, deps.clock()),
        },
      });
    } catch {
      // Taken by an agent at the last moment: not abandoned.
    }
  };
}

function waited(since: string | null, now: Date): number | null {
  return since ? Math.round((now.getTime() - Date.parse(since)) / 1000) : null;
}

function continuesByMessage(conversation: ConversationRecord): boolean {
  return (
    conversation.handoff?.continueByMessage === true ||
    typeof conversation.channelState.replyByEmail === 'string'
  );
}
