/**
 * What the conversation commit asks of the lifecycle step: the pending lifecycle timers it
 * reads in the same transaction, and the derive function that answers with the lifecycle and
 * the timers to cancel and schedule (conversation-writes.ts runs it; the app supplies it).
 */
import type { Lifecycle } from '../core/conversation/lifecycle.ts';
import type { ConversationRecord, NewTimer, StoredEvent } from '../core/records.ts';

/** A lifecycle timer as the derive step sees it. */
export interface PendingTimer {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly data: Record<string, unknown>;
}

export type DeriveLifecycle = (
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  pending: readonly PendingTimer[],
) => {
  readonly lifecycle: Lifecycle;
  readonly cancelIds: readonly string[];
  readonly schedule: readonly NewTimer[];
};
