/**
 * WhatsApp's customer-service window: free-form messages are allowed for 24 hours after the
 * customer's last message; after that only approved templates may be sent.
 */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type WindowCheck =
  | { ok: true; closesAt: string }
  | { ok: false; code: 'WHATSAPP_WINDOW_CLOSED'; message: string; closedAt?: string };

export function canSendFreeText(
  lastCustomerMessageAt: string | Date | undefined,
  now: Date,
): WindowCheck {
  const last =
    lastCustomerMessageAt === undefined ? NaN : new Date(lastCustomerMessageAt).getTime();
  if (Number.isNaN(last)) {
    return {
      ok: false,
      code: 'WHATSAPP_WINDOW_CLOSED',
      message: 'The customer has not written yet; send an approved template.',
    };
  }
  const closesAt = new Date(last + WHATSAPP_WINDOW_MS);
  if (now.getTime() < closesAt.getTime()) return { ok: true, closesAt: closesAt.toISOString() };
  return {
    ok: false,
    code: 'WHATSAPP_WINDOW_CLOSED',
    message: 'More than 24 hours since the customer last wrote; send an approved template.',
    closedAt: closesAt.toISOString(),
  };
}
