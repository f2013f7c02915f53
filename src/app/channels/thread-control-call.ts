/**
 * The Handover Protocol's Graph API calls (pass back, take, request), made from outbox timers:
 * the adapter of a channel shared with a bot app, and one call whose failures worth retrying
 * (no answer, 429, 5xx) throw so that the timer runs again, up to its last attempt.
 */
import type { MessengerAdapter, OutboundRequest } from '../../channels/index.ts';
import type { TimerRecord } from '../../core/records.ts';
import type { EnabledAdapters } from './create-adapters.ts';

const MAX_ATTEMPTS = 5;

/** The channel's adapter when it shares its threads with a bot app (`botAppId` set). */
export function handoverAdapter(adapters: EnabledAdapters | undefined, channel: string) {
  const adapter = adapters?.get(channel) as MessengerAdapter | undefined;
  return adapter?.botAppId ? adapter : undefined;
}

/** The call's final HTTP status (0: no answer on the last attempt), or a throw to retry. */
export async function callThreadControl(
  send: typeof fetch,
  request: OutboundRequest,
  timer: TimerRecord,
  edge: string,
): Promise<number> {
  let status = 0;
  try {
    status = (await send(request.url, { ...request, signal: AbortSignal.timeout(10_000) })).status;
  } catch (error) {
    if (timer.attempts < MAX_ATTEMPTS) throw error;
  }
  const done = status >= 200 && status < 300;
  if (!done && (status === 0 || status === 429 || status >= 500) && timer.attempts < MAX_ATTEMPTS)
    throw new Error(`${edge} answered ${status}; retrying`);
  return status;
}
