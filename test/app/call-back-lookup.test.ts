/**
 * findEarlierCall, the check before a call back is sent again: a status callback already
 * recorded for a new call is taken as the call without asking Twilio; otherwise Calls.json is
 * read (To, From) and only a call created since the request, from Baton's number, that no
 * earlier call back recorded counts; an unreadable list is "unknown". Twilio's HTTP side is a
 * small fake `fetch` (the port the handler takes), the events are plain records.
 */
import { describe, expect, it } from 'vitest';
import { findEarlierCall } from '../../src/app/channels/voice/call-back-lookup.ts';
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
    const found = await findEarlierCall(
      config,
      { to: TO, from: FROM, requestedAt: REQUESTED, seq: 5, events },
      send,
    );
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
    const query = { to: TO, from: FROM, requestedAt: REQUESTED, seq: 5 };
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

  it('answers unknown when the list cannot be read', async () => {
    const query = { to: TO, from: FROM, requestedAt: REQUESTED, seq: 1, events: [] };
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
