/**
 * findEarlierCall, the check before a call back is sent again: a status callback already
 * recorded for a new call is taken as the call without asking Twilio; otherwise Calls.json is
 * read (To, From) and only a call created since the request, from Baton's number, that no
 * earlier call back recorded (here or in another conversation) counts, and none while another
 * conversation's call is being placed ("ambiguous"); an unreadable list is "unknown"; each step
 * (call back, agent's ring) counts only its own events. Twilio's HTTP side is a small fake
 * `fetch` (the port the handler takes), the events are plain records.
 */
import { describe, expect, it } from 'vitest';
import { findEarlierCall } from '../../src/app/channels/voice/earlier-call-lookup.ts';
import type { VoiceConfig } from '../../src/app/channels/voice/voice-config.ts';
import type { StoredEvent } from '../../src/core/records.ts';

const config = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 't',
  apiBaseUrl: 'http://twilio.test',
} as unknown as VoiceConfig;
const TO = '+15550101234';
const FROM = '+15559990000';
const REQUESTED = new Date('2026-11-25T12:00:00Z');
/** A call back's query, less its `seq` and events. */
const QUERY = { step: 'call_back_', to: TO, from: FROM, requestedAt: REQUESTED } as const;
const sid = (n: number) => `CA${String(n).padStart(32, '0')}`;

function event(seq: number, data: Record<string, unknown>): StoredEvent {
  return { seq, type: 'channel.voice_call', data, at: REQUESTED.toISOString() } as never;
}

function listing(calls: Array<Record<string, unknown>>, status = 200) {
  const asked: string[] = [];
  const send = (async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify({ calls }), { status });
  }) as typeof fetch;
  return { asked, send };
}

const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

describe('findEarlierCall', () => {
  it('takes a status callback recorded since the request as the call, without asking Twilio', async () => {
    const { asked, send } = listing([]);
    const events = [
      event(4, { action: 'call_back_placed', callSid: sid(1) }),
      event(5, { action: 'call_back_requested' }),
      event(6, { action: 'call_back_status', callSid: sid(1), callStatus: 'completed' }),
      event(7, { action: 'call_back_status', callSid: sid(2), callStatus: 'initiated' }),
    ];
    const found = await findEarlierCall(config, { ...QUERY, seq: 5, events }, send);
    expect(found).toEqual({ kind: 'found', callSid: sid(2) });
    expect(asked).toEqual([]);
  });

  it('counts only a call since the request, from this number, not recorded before', async () => {
    const at = REQUESTED.getTime();
    const { asked, send } = listing([
      {
        sid: sid(3),
        to: TO,
        from: FROM,
        direction: 'outbound-api',
        date_created: rfc2822(at - 3_600_000),
      },
      {
        sid: sid(4),
        to: TO,
        from: FROM,
        direction: 'outbound-api',
        date_created: rfc2822(at + 1000),
      },
      {
        sid: sid(5),
        to: TO,
        from: '+15551112222',
        direction: 'outbound-api',
        date_created: rfc2822(at + 2000),
      },
    ]);
    const query = { ...QUERY, seq: 5 };
    const earlier = [event(2, { action: 'call_back_placed', callSid: sid(4) })];
    expect(await findEarlierCall(config, { ...query, events: earlier }, send)).toEqual({
      kind: 'none',
    });
    expect(await findEarlierCall(config, { ...query, events: [] }, send)).toEqual({
      kind: 'found',
      callSid: sid(4),
    });
    const url = new URL(asked[0]!);
    expect(url.pathname).toBe(`/2010-04-01/Accounts/${config.accountSid}/Calls.json`);
    expect(url.searchParams.get('To')).toBe(TO);
    expect(url.searchParams.get('From')).toBe(FROM);
  });

  it("counts only the asking step's own events: a call back's callback is not the agent's ring", async () => {
    const at = REQUESTED.getTime();
    const client = 'client:a_alex';
    const { asked, send } = listing([
      {
        sid: sid(8),
        to: `${client}?conversation=c_1&caller=Ann`,
        from: FROM,
        direction: 'outbound-api',
        date_created: rfc2822(at + 1000),
      },
    ]);
    const events = [
      event(5, { action: 'agent_called', callSid: sid(6) }),
      event(6, { action: 'call_back_status', callSid: sid(7), callStatus: 'initiated' }),
    ];
    const query = { to: client, from: FROM, requestedAt: REQUESTED, seq: 5, events };
    // An agent's ring after event 5: the call back's sid 7 is not it, and the list is read;
    // the browser callee is listed with its parameters and still matches.
    expect(await findEarlierCall(config, { ...query, step: 'agent_' }, send)).toEqual({
      kind: 'found',
      callSid: sid(8),
    });
    expect(new URL(asked[0]!).searchParams.get('To')).toBe(client);
    // A call back after event 4: sid 7 is its own status callback, taken without asking.
    expect(await findEarlierCall(config, { ...query, seq: 4, step: 'call_back_' }, send)).toEqual({
      kind: 'found',
      callSid: sid(7),
    });
    expect(asked).toHaveLength(1);
  });

  it("leaves out other conversations' recorded calls, and answers ambiguous while one is being placed", async () => {
    const at = REQUESTED.getTime();
    const listed = (n: number) => ({
      sid: sid(n),
      to: TO,
      from: FROM,
      direction: 'outbound-api',
      date_created: rfc2822(at + n * 1000),
    });
    const { send } = listing([listed(10), listed(11)]);
    const query = { ...QUERY, seq: 1, events: [] };
    // The other conversation's call (10) is recorded there: 11 is this one's.
    const recordedElsewhere = new Set([sid(10)]);
    expect(await findEarlierCall(config, { ...query, recordedElsewhere }, send)).toEqual({
      kind: 'found',
      callSid: sid(11),
    });
    // Another one's call is still being placed: 11 may be it, and is not taken.
    const inFlight = { ...query, recordedElsewhere, inFlightElsewhere: true };
    expect(await findEarlierCall(config, inFlight, send)).toEqual({ kind: 'ambiguous' });
    // Nothing unrecorded in the list: no call of this request exists, whoever is in flight.
    const all = new Set([sid(10), sid(11)]);
    expect(await findEarlierCall(config, { ...inFlight, recordedElsewhere: all }, send)).toEqual({
      kind: 'none',
    });
  });

  it('answers unknown when the list cannot be read', async () => {
    const query = { ...QUERY, seq: 1, events: [] };
    expect(await findEarlierCall(config, query, listing([], 503).send)).toEqual({
      kind: 'unknown',
      status: 503,
    });
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await findEarlierCall(config, query, failing)).toEqual({ kind: 'unknown', status: 0 });
  });
});
