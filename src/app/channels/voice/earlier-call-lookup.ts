/**
 * Before Baton sends Calls.json again (the call back, voice-call-back.ts, and the agent's ring,
 * voice-agent-call.ts), whether the earlier attempt already created the call: Calls.json takes
 * no idempotency key, so a timeout, a reset connection or a 5xx leaves Baton not knowing. The
 * call is taken as placed when a status callback for a new call of the same step has reached
 * Baton since the request (its URL names the conversation: exact), or when Twilio lists a call
 * to the same address from the same number created since the request (less a minute for the
 * two clocks) that no attempt of this step recorded, on this conversation or on any other that
 * called the same address in that window (callsElsewhere). Twilio's call resource does not give
 * back the `Url` or `StatusCallback` it was created with, so while another conversation's call
 * to the same address is still being placed, a listed call cannot be told apart from it: the
 * answer is then `ambiguous`, and the step tries again once the other has recorded its call.
 */
import { formatCallLookup, parseCallList } from '../../../channels/index.ts';
import type { StoredEvent } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { VoiceConfig } from './voice-config.ts';

const TIMEOUT_MS = 10_000;
/** How far Twilio's clock may be behind Baton's when comparing `date_created`. */
const CLOCK_SKEW_MS = 60_000;
/**
 * How far back other requests are read: one due earlier may still be retrying (five attempts,
 * a lease each), so its call may be created after this request.
 */
const LOOKBACK_MS = 30 * 60_000;

export type EarlierCall =
  | { readonly kind: 'found'; readonly callSid: string }
  | { readonly kind: 'none' }
  /** The list could not be read (`status` 0: a network error): nothing is known. */
  | { readonly kind: 'unknown'; readonly status: number }
  /** A listed call may be another conversation's, whose own call is still being placed. */
  | { readonly kind: 'ambiguous' };

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
  /** Calls other conversations recorded to the same address (callsElsewhere). */
  readonly recordedElsewhere?: ReadonlySet<string>;
  /** Another conversation's call to the same address is being placed, its sid not yet known. */
  readonly inFlightElsewhere?: boolean;
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
  if (!ours) return { kind: 'none' };
  return query.inFlightElsewhere ? { kind: 'ambiguous' } : { kind: 'found', callSid: ours.sid };
}

/** What ends a step's attempt: its outcome, recorded once (placed, failed, or not called). */
const OUTCOMES: Readonly<Record<CallStep, ReadonlySet<string>>> = {
  call_back_: new Set(['call_back_placed', 'call_back_failed']),
  agent_: new Set(['agent_called', 'agent_call_failed', 'agent_not_called']),
};

export interface CallsElsewhereQuery {
  readonly step: CallStep;
  /** The step's timer kind: its timers (one per request) name the conversations that called. */
  readonly timerKind: string;
  readonly conversationId: string;
  /** When this request was made (its timer's due time). */
  readonly requestedAt: Date;
  /** Whether another request of the step called the same address (its timer's data). */
  readonly sameAddress: (data: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * The calls other conversations made to the same address around this request: the ones they
 * recorded (never this conversation's), and whether one of them is still being placed (its
 * timer fired at least once and no outcome is recorded), so its call may be in Twilio's list.
 */
export async function callsElsewhere(
  store: Store,
  query: CallsElsewhereQuery,
): Promise<{ recordedElsewhere: Set<string>; inFlightElsewhere: boolean }> {
  const recordedElsewhere = new Set<string>();
  let inFlightElsewhere = false;
  const since = new Date(query.requestedAt.getTime() - LOOKBACK_MS);
  for (const timer of await store.timers.ofKindDueSince(query.timerKind, since)) {
    if (timer.conversationId === query.conversationId || !query.sameAddress(timer.data)) continue;
    const events = await store.conversations.eventsSince(timer.conversationId, 0);
    for (const sid of recordedCalls(events, query.step)) recordedElsewhere.add(sid);
    const seq = typeof timer.data.seq === 'number' ? timer.data.seq : 0;
    const settled = events.some(
      (e) =>
        e.seq > seq &&
        e.type === 'channel.voice_call' &&
        OUTCOMES[query.step].has(String(e.data.action)),
    );
    const tried = timer.attempts > 0 && (timer.status === 'pending' || timer.status === 'claimed');
    if (tried && !settled) inFlightElsewhere = true;
  }
  return { recordedElsewhere, inFlightElsewhere };
}
