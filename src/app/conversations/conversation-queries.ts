/**
 * Read-only questions about conversations that the HTTP edge and the sockets ask: one
 * conversation, its events after a sequence number, a stored media file, and the logs of a
 * period for analytics. Writes never go through here (the writer owns them).
 */
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

export type StoredMediaFile = NonNullable<Awaited<ReturnType<Store['mediaFiles']['get']>>>;
export type ConversationLog = Awaited<ReturnType<Store['reads']['logsBetween']>>[number];

export class ConversationQueries {
  constructor(private readonly store: Store) {}

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.store.conversations.get(id);
  }

  /** Events with a sequence number above `since`, oldest first, at most `limit`. */
  eventsSince(conversationId: string, since: number, limit?: number): Promise<StoredEvent[]> {
    return this.store.conversations.eventsSince(conversationId, since, limit);
  }

  /** A customer's file kept by Baton, when it was stored rather than left at the provider. */
  mediaFile(conversationId: string, ref: string): Promise<StoredMediaFile | undefined> {
    return this.store.mediaFiles.get(conversationId, ref);
  }

  /** Conversations created in the period with their events, at most `max` of them. */
  logsBetween(from: Date, until: Date, max: number): Promise<ConversationLog[]> {
    return this.store.reads.logsBetween(from, until, max);
  }
}
