/**
 * Phone calls through Twilio Voice, through the real server: signed webhooks in, TwiML out
 * (parsed as XML), the same policy and bot as text, the hold with an honest estimate, the
 * agent rung through a stand-in of Twilio's REST API, and voicemail after hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import {
  callParams,
  parseTwiml,
  startVoiceServer,
  verbOrder,
  VOICE_PUBLIC_BASE_URL as PUBLIC,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const weekday = [{ open: '09:00', close: '17:00' }];
const hours = `routing:
  businessHours:
    timeZone: UTC
    days: ${JSON.stringify({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday })}
    holidays: []
`;
// Wednesday 25 November 2026, 12:00 UTC: the team is open.
const OPEN = Date.parse('2026-11-25T12:00:00Z');

describe('voice calls (Twilio Voice)', () => {
  let v: VoiceServer;
  const now = OPEN;
  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(now), yaml: hours });
  });
  afterAll(async () => {
    await v?.close();
  });

  it('refuses a request whose signature does not match (403) or is missing (401)', async () => {
    const forged = await v.post('incoming', callParams('CAforged'), { signature: 'bm90IGl0' });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text).error.code).toBe('SIGNATURE_INVALID');
    // Signed for other parameters than those sent: also refused.
    const tampered = await v.post(
      'gather',
      { ...callParams('CAforged'), SpeechResult: 'hi' },
      {
        signature: computeTwilioSignature('voice-token', `${PUBLIC}/channels/voice/gather`, {
          ...callParams('CAforged'),
          SpeechResult: 'something else',
        }),
      },
    );
    expect(tampered.status).toBe(403);
    const unsigned = await fetch(`${v.server.baseUrl}/channels/voice/incoming`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(callParams('CAforged')).toString(),
    });
    expect(unsigned.status).toBe(401);
    expect(await v.server.server.store.conversations.findOpenByThread('voice', 'CAforged')).toBe(
      undefined,
    );
  });

  it('answers a call with a spoken greeting that says it is an automated assistant, listening for speech', async () => {
    const answer = await v.post('incoming', callParams('CAgreet'));
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/text\/xml/);
    const twiml = parseTwiml(answer.text);
    const gather = twiml.Gather[0];
    expect(gather['@_input']).toBe('speech');
    expect(gather['@_action']).toBe(`${PUBLIC}/channels/voice/gather`);
    expect(gather['@_language']).toBe('en-US');
    expect(gather.Say[0]['#text']).toMatch(/automated assistant/);
    const conversation = await v.server.server.store.conversations.findOpenByThread(
      'voice',
      'CAgreet',
    );
    expect(conversation).toMatchObject({
      channel: 'voice',
      customer: { id: 'voice:+15550001111', phone: '+15550001111' },
      status: 'bot',
    });
  });

  it('speaks the bot’s answer to what the caller said, and listens again', async () => {
    await v.post('incoming', callParams('CAbot'));
    const answer = await v.post('gather', {
      ...callParams('CAbot'),
      SpeechResult: 'How long does shipping take?',
      Confidence: '0.92',
    });
    expect(answer.status).toBe(200);
    const twiml = parseTwiml(answer.text);
    expect(twiml.Gather[0].Say[0]['#text']).toMatch(/business days/);
    const store = v.server.server.store;
    const conversation = await store.conversations.findOpenByThread('voice', 'CAbot');
    const events = await store.conversations.eventsSince(conversation!.id, 0);
    const said = events.filter((e) => e.type === 'message.created' && e.data.from === 'customer');
    expect(said.map((e) => [e.data.text, e.data.speechConfidence])).toEqual([
      ['How long does shipping take?', 0.92],
    ]);
  });

  it('asks again when Twilio heard nothing', async () => {
    await v.post('incoming', callParams('CAsilent'));
    const answer = await v.post('gather', { ...callParams('CAsilent'), SpeechResult: '' });
    const twiml = parseTwiml(answer.text);
    expect(twiml.Gather[0].Say[0]['#text']).toMatch(/did not catch that/);
  });

  it('hands a caller who asks for a person over: the wait message, then <Enqueue> with a hold that repeats the estimate', async () => {
    await v.post('incoming', callParams('CAhuman', '+15550002222'));
    const answer = await v.post('gather', {
      ...callParams('CAhuman', '+15550002222'),
      SpeechResult: 'I want to talk to a person',
      Confidence: '0.88',
    });
    expect(answer.status).toBe(200);
    expect(verbOrder(answer.text)).toEqual(['Say', 'Enqueue']);
    const twiml = parseTwiml(answer.text);
    // Nobody from the team is connected: said honestly, no time promised.
    const wait = twiml.Say[0]['#text'] as string;
    expect(wait).toMatch(/Nobody from .* is available/);
    expect(wait).not.toMatch(/callback|by message/);
    const store = v.server.server.store;
    const conversation = (await store.conversations.findOpenByThread('voice', 'CAhuman'))!;
    expect(conversation.status).toBe('queued');
    const enqueue = twiml.Enqueue[0];
    expect(enqueue['#text']).toBe(`${conversation.queue}-CAhuman`);
    expect(enqueue['@_waitUrl']).toBe(`${PUBLIC}/channels/voice/wait`);
    expect(enqueue['@_action']).toBe(`${PUBLIC}/channels/voice/left-queue`);
    // The spoken wait message is the one stored for the agent to see.
    const events = await store.conversations.eventsSince(conversation.id, 0);
    expect(events.some((e) => e.type === 'message.created' && e.data.text === wait)).toBe(true);

    const hold = parseTwiml(
      (await v.post('wait', { ...callParams('CAhuman', '+15550002222'), QueuePosition: '1' })).text,
    );
    expect(hold.Say[0]['#text']).toMatch(/Nobody from .* is available/);
    expect(hold.Pause).toHaveLength(1);
    expect(hold.Redirect[0]['#text']).toBe(`${PUBLIC}/channels/voice/wait`);
  });
});
