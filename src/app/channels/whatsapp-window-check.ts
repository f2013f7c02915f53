/**
 * WhatsApp's 24-hour customer-service window, checked when the agent posts (not only when
 * the send runs), so the inbox shows `WHATSAPP_WINDOW_CLOSED` at once and nothing is stored;
 * the agent sends an approved template instead (whatsapp-template-routes.ts).
 */
import { canSendFreeText, type WindowCheck } from '../../channels/index.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

/**
 * When the customer last wrote, timed by the provider's timestamp (`providerAt`) when there is
 * one, because Meta may redeliver a webhook hours after the customer wrote.
 */
export function lastCustomerMessageAt(events: readonly StoredEvent[]): string | undefined {
  return (
    events
      .filter((e) => e.type === 'message.created' && e.data.from === 'customer')
      // The earlier of the two, so a provider clock running ahead never stretches the window.
      .map((e) =>
        typeof e.data.providerAt === 'string' && e.data.providerAt < e.at
          ? e.data.providerAt
          : e.at,
      )
      .sort()
      .at(-1)
  );
}

/** The window for a WhatsApp conversation's log: open for 24 hours after the customer's last message. */
export function whatsAppWindow(events: readonly StoredEvent[], now: Date): WindowCheck {
  return canSendFreeText(lastCustomerMessageAt(events), now);
}

/** Throws `WHATSAPP_WINDOW_CLOSED` for free text into a WhatsApp thread whose window has closed. */
export async function assertWhatsAppWindowOpen(
  deps: { readonly store: Store; readonly clock: () => Date },
  conversationId: string,
): Promise<void> {
  const conversation: ConversationRecord | undefined =
    await deps.store.conversations.get(conversationId);
  if (!conversation || conversation.channel !== 'whatsapp' || !conversation.externalThread) return;
  const events = await deps.store.conversations.eventsSince(conversationId, 0, 100_000);
  const window = whatsAppWindow(events, deps.clock());
  if (!window.ok) {
    throw new BatonError('WHATSAPP_WINDOW_CLOSED', window.message, {
      ...(window.closedAt ? { closedAt: window.closedAt } : {}),
    });
  }
}
