/**
 * Messenger's and Instagram's messaging windows (Meta's Send API policy): a reply goes out as
 * `RESPONSE` within 24 hours of the customer's last message; a person's reply may still go
 * for 7 days with the `HUMAN_AGENT` tag; after that nothing may be sent until the customer
 * writes again. Bot and system messages have only the 24 hours.
 */
export type MetaSendMode =
  | { readonly kind: 'response' }
  | { readonly kind: 'human_agent' }
  | { readonly kind: 'closed'; readonly message: string };

const HOUR_MS = 3_600_000;
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;

export function metaSendMode(
  lastCustomerMessageAt: string | undefined,
  now: Date,
  fromPerson: boolean,
): MetaSendMode {
  const since = lastCustomerMessageAt ? now.getTime() - Date.parse(lastCustomerMessageAt) : 0;
  if (since <= STANDARD_WINDOW_MS) return { kind: 'response' };
  if (fromPerson && since <= HUMAN_AGENT_WINDOW_MS) return { kind: 'human_agent' };
  return {
    kind: 'closed',
    message: fromPerson
      ? "more than 7 days since the customer's last message: Messenger allows no reply until they write again"
      : "more than 24 hours since the customer's last message: only a person's reply (HUMAN_AGENT tag) may go now",
  };
}
