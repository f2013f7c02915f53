/**
 * The event bus: committed changes are published here and fanned out to realtime clients.
 * It may drop messages (Redis pub/sub does); clients resume from the database by `seq`.
 */
import type { ConversationRecord, StoredEvent } from '../store/records.ts';

export interface ConversationChange {
  readonly conversation: ConversationRecord;
  readonly events: readonly StoredEvent[];
}

export type ChangeListener = (change: ConversationChange) => void;

export interface EventBus {
  publish(change: ConversationChange): void;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}
