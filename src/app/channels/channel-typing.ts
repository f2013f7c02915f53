/**
 * The agent's typing, shown in the customer's channel where the provider can show it
 * (Telegram `sendChatAction`, Messenger/Instagram `typing_on`, WhatsApp's typing indicator;
 * never SMS or email). The inbox reports typing every couple of seconds; the providers'
 * indicators last longer (5 seconds on Telegram, 20–25 on Meta's), so one call per
 * conversation every `TYPING_FORWARD_MS` keeps it showing without a call per keystroke.
 * Sent once, at once, without retries (provider-call.ts).
 */
import type { StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { EnabledAdapters } from './create-adapters.ts';
import { callProvider } from './provider-call.ts';
import { lastCustomerMessageAt } from './whatsapp-window-check.ts';

export const TYPING_FORWARD_MS = 5000;
/** Meta lets a business act in a thread (typing too) for 24 hours after the customer wrote. */
const META_WINDOW_MS = 24 * 60 * 60 * 1000;
const WINDOWED = new Set(['whatsapp', 'messenger', 'instagram']);

export interface ChannelTypingDeps {
  readonly store: Store;
  readonly adapters: EnabledAdapters;
  /** The app's clock: the throttle and the window are measured with it. */
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
  readonly fetch?: typeof fetch;
}

export class ChannelTyping {
  private readonly lastSentAt = new Map<string, number>();

  constructor(private readonly deps: ChannelTypingDeps) {}

  /** The assigned agent is typing in this conversation (checked by the caller). */
  forward(conversationId: string): void {
    const now = this.deps.clock().getTime();
    const last = this.lastSentAt.get(conversationId);
    if (last !== undefined && now - last < TYPING_FORWARD_MS) return;
    this.lastSentAt.set(conversationId, now);
    this.forget(now);
    this.send(conversationId, now).catch((error: unknown) => this.deps.onError(error));
  }

  private async send(conversationId: string, now: number): Promise<void> {
    const { store, adapters } = this.deps;
    const conversation = await store.conversations.get(conversationId);
    const adapter = conversation && adapters.get(conversation.channel);
    if (!conversation?.externalThread || !adapter?.formatTyping) return;
    if (conversation.channelState.optedOut || conversation.channelState.standby) return;
    const recent = await store.conversations.eventsSince(
      conversationId,
      Math.max(0, conversation.lastSeq - 200),
      200,
    );
    if (WINDOWED.has(adapter.channel)) {
      const wrote = lastCustomerMessageAt(recent);
      if (!wrote || now - Date.parse(wrote) > META_WINDOW_MS) return;
    }
    const lastCustomerMessageId = lastCustomerProviderId(recent);
    const request = adapter.formatTyping(
      conversation.externalThread,
      lastCustomerMessageId ? { lastCustomerMessageId } : {},
    );
    if (request) await callProvider(request, this.deps.fetch);
  }

  /** Keeps the map to the conversations typed in lately. */
  private forget(now: number): void {
    if (this.lastSentAt.size < 1000) return;
    for (const [id, at] of this.lastSentAt) {
      if (now - at >= TYPING_FORWARD_MS) this.lastSentAt.delete(id);
    }
  }
}

function lastCustomerProviderId(events: readonly StoredEvent[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as StoredEvent;
    if (e.type !== 'message.created' || e.data.from !== 'customer') continue;
    if (typeof e.data.providerMessageId === 'string') return e.data.providerMessageId;
  }
  return undefined;
}
