/**
 * Before Baton sends Calls.json again (the call back, voice-call-back.ts, and the agent's ring,
 * voice-agent-call.ts), whether the earlier attempt already created the call: Calls.json takes
 * no idempotency key, so a timeout, a reset connection or a 5xx leaves Baton not knowing. The
 * call is taken as placed when a status callback for a new call of the same step has reached
 * Baton since the request, or when Twilio lists a call to the same address from the same number
 * created since the request (less a minute for the two clocks) that no earlier attempt of this
 * step on this conversation recorded, nor (when the caller names them) other conversations.
 * Twilio's call resource does not give back the `Url` or `StatusCallback` it was created with,
 * so a call to the same address from a conversation not named here, in the same minute, cannot
 * be told apart from this one.
 */
import { formatCallLookup, parseCallList } from '../../../channels/index.ts';
import type { StoredEvent } from '../../../core/records.ts';
import type { VoiceConfig } from './voice-config.ts';

const TIMEOUT_MS = 10_000;
/** How far Twilio's clock may be behind Baton's when comparing `date_created`. */
const CLOCK_SKEW_MS = 60_000;

export type EarlierCall =
  | { readonly kind: 'found'; readonly callSid: string }
  | { readonly kind: 'none' }
  /** The list could not be read (`status` 0: a network error): nothing is known. */
  | { readonly kind: 'unknown'; readonly status: number };

/** Which step's `channel.voice_call` events record its calls: their `action` begins so. */
export type CallStep = 'call_back_' | 'agent_';

export interface EarlierCallQuery {
  readonly step: CallStep;
  /** The number (or `client:<identity>`, without its parameters) called. */
  readonly to: string;
  readonly from: string;
  /** When the call was asked for (before its first attempt). */
  readonly requestedAt: Date;
  /** The request's event: what comes after it belongs to this call. */
  readonly seq: number;
  readonly events: readonly StoredEvent[];
  /** Calls other conversations recorded (the agent's ring: the agent's other callers). */
  readonly recordedElsewhere?: ReadonlySet<string>;
}

/** The calls a step recorded in these events (`callSid` of its `channel.voice_call` events). */
export function recordedCalls(events: readonly StoredEvent[], step: CallStep): Set<string> {
  return new Set(events.map((e) => callOf(e, step)).filter((sid) => sid !== undefined));
}

function callOf(e: StoredEvent, step: CallStep): string | undefined {
  return e.type === 'channel.voice_call' &&
    String(e.data.action).startsWith(step) &&
    typeof e.data.callSid === 'string'
    ? e.data.callSid
    : undefined;
}

export async function findEarlierCall(
  config: VoiceConfig,
  query: EarlierCallQuery,
  send: typeof fetch = fetch,
): Promise<EarlierCall> {
  const earlier = recordedCalls(
    query.events.filter((e) => e.seq < query.seq),
    query.step,
  );
  for (const sid of query.recordedElsewhere ?? []) earlier.add(sid);
  // Twilio's `initiated` callback may already have come: that call is this one.
  const reported = query.events
    .filter((e) => e.seq > query.seq)
    .map((e) => callOf(e, query.step))
    .find((sid) => sid !== undefined && !earlier.has(sid));
  if (reported) return { kind: 'found', callSid: reported };

  const request = formatCallLookup(config, { to: query.to, from: query.from });
  let status = 0;
  let body = '';
  try {
    const response = await send(request.url, {
      method: request.method,
      headers: request.headers,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = response.status;
    body = await response.text().catch(() => '');
  } catch {
    return { kind: 'unknown', status: 0 };
  }
  const calls = status >= 200 && status < 300 ? parseCallList(body) : null;
  if (!calls) return { kind: 'unknown', status };
  const since = query.requestedAt.getTime() - CLOCK_SKEW_MS;
  const ours = calls
    .filter(
      (c) =>
        // A `client:` callee may be listed with or without the parameters it was called with.
        c.to.split('?')[0] === query.to &&
        c.from === query.from &&
        (c.direction === '' || c.direction === 'outbound-api') &&
        c.createdAt >= since &&
        !earlier.has(c.sid),
    )
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  return ours ? { kind: 'found', callSid: ours.sid } : { kind: 'none' };
}
