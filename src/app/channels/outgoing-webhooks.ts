/**
 * Outgoing webhooks for the open API channel: handoffs, assignments, messages and
 * resolutions are POSTed to the integration, signed, timestamped and replay-protected as
 * Standard Webhooks says. Each event is queued as a `webhook.deliver` timer (an outbox in the
 * database) with a stable delivery id, so retries after errors or 5xx reuse the id (the
 * receiver dedupes) with a fresh signature time; every attempt is in the delivery log.
 */
import type { ApiAdapter, ConversationWebhookType } from '../../channels/index.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { TimerRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { toConversationView } from '../conversations/conversation-view.ts';

export const WEBHOOK_TIMER = 'webhook.deliver';
const MAX_ATTEMPTS = 8;
export const WEBHOOK_EVENT_TYPES: readonly ConversationWebhookType[] = [
  'conversation.handed_over',
  'conversation.assigned',
  'message.created',
  'conversation.resolved',
];

export interface OutgoingWebhookDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly adapter: ApiAdapter;
  readonly url: string;
  readonly clock: () => Date;
  readonly kick: () => void;
  readonly onError: (error: unknown) => void;
}

export function queueOutgoingWebhooks(deps: OutgoingWebhookDeps): () => void {
  const wanted = new Set<string>(WEBHOOK_EVENT_TYPES);
  return deps.bus.subscribe(({ conversation, events }) => {
    const due = events.filter((e) => wanted.has(e.type));
    if (due.length === 0) return;
    const now = deps.clock();
    Promise.all(
      due.map((e) =>
        deps.store.timers.schedule(
          conversation.id,
          {
            kind: WEBHOOK_TIMER,
            dueAt: now,
            data: { seq: e.seq, id: `evt_${conversation.id}_${e.seq}` },
          },
          now,
        ),
      ),
    ).then(deps.kick, deps.onError);
  });
}

export function handleOutgoingWebhook(deps: OutgoingWebhookDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const seq = Number(timer.data.seq);
    const id = String(timer.data.id);
    const [conversation, event] = await Promise.all([
      deps.store.conversations.get(timer.conversationId),
      deps.store.conversations.event(timer.conversationId, seq),
    ]);
    if (!conversation || !event) return;
    const request = deps.adapter.formatEvent(
      event.type as ConversationWebhookType,
      { conversation: toConversationView(conversation), event },
      { id, at: now },
    );
    const log = (status: 'pending' | 'delivered' | 'failed', lastError: string | null) =>
      deps.store.webhooks.record(
        {
          id,
          conversationId: conversation.id,
          seq,
          type: event.type,
          url: deps.url,
          status,
          attempts: timer.attempts,
          lastError,
        },
        now,
      );
    let status = 0;
    let error: string | null = null;
    try {
      const response = await fetch(request.url, {
        ...request,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
    } catch (e) {
      error = (e as Error).message;
    }
    if (status >= 200 && status < 300) return log('delivered', null);
    const retriable = status === 0 || status === 408 || status === 429 || status >= 500;
    error ??= `HTTP ${status}`;
    if (retriable && timer.attempts < MAX_ATTEMPTS) {
      await log('pending', error);
      throw new Error(`webhook to ${deps.url} failed (${error}); will retry`);
    }
    return log('failed', error);
  };
}
