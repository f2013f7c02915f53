/**
 * One HTTP call to a provider's API, as an adapter formatted it. The outbox (channel-outbound.ts)
 * sends messages through it with retries; a typing indicator or a button's answer goes through
 * it once, at once, without retries: late, they would be worse than none.
 */
import type { OutboundRequest } from '../../channels/index.ts';

const TIMEOUT_MS = 10_000;

/** The provider's HTTP status; throws on a network error or timeout. */
export async function callProvider(
  request: OutboundRequest,
  send: typeof fetch = fetch,
): Promise<number> {
  return (await sendToProvider(request, send)).status;
}

/**
 * The provider's HTTP status and answer (the outbox reads the sent message's id from it);
 * throws on a network error or timeout.
 */
export async function sendToProvider(
  request: OutboundRequest,
  send: typeof fetch = fetch,
): Promise<{ status: number; body: string }> {
  const response = await send(request.url, {
    ...request,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // Read in full either way: it frees the connection.
  const body = await response.text().catch(() => '');
  return { status: response.status, body };
}
