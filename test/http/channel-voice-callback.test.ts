/**
 * The callback offer on a long queue, for a call, through the real server on both engines:
 * signed Twilio requests (`Digits`, `SpeechResult`) in, TwiML out (parsed as XML). The queue is
 * long by the chat channels' own rule: the general queue's threshold is one minute here, and
 * Sam, the one agent connected, is busy, so any caller waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  callParams,
  parseTwiml,
  startVoiceServer,
  verbOrder,
  VOICE_AUTH_TOKEN,
  VOICE_PUBLIC_BASE_URL as PUBLIC,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const weekday = [{ open: '09:00', close: '17:00' }];
const yaml = `routing:
  businessHours:
    timeZone: UTC
    days: ${JSON.stringify({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday })}
    holidays: []
  longQueueMinutes:
    general: 1
`;
// Wednesday 25 November 2026, 12:00 UTC: open.
const OPEN = Date.parse('2026-11-25T12:00:00Z');
const CHOICE = `${PUBLIC}/channels/voice/callback-choice`;

describe.each(TEST_DATABASES)('a callback instead of waiting on the line ($name)', (db) => {
  let v: VoiceServer;
  let sam = '';
  let socket: TestSocket;
  const now = OPEN;

  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(now), yaml, engine: db.name });
    const s = v.server;
    // Sam is connected, serves one conversation at a time and is busy with one.
    sam = await login(s.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam));
    const me = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent;
    await s.server.store.agents.update(me.id, { maxConcurrent: 1 });
    await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
      token: sam,
      body: { presence: 'online' },
    });
    const decoy = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${decoy.id}/messages`, {
      token: decoy.token,
      body: { text: 'I want to talk to a human' },
    });
    await until(async () =>
      (await s.server.store.conversations.get(decoy.id))?.status === 'offered' ? true : undefined,
    );
    const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${decoy.id}/claim`, {
      token: sam,
    });
    expect(claimed.status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await socket?.close();
    await v?.close();
  });

  const store = () => v.server.server.store;
  const handOver = async (callSid: string, from: string) => {
    const caller = callParams(callSid, from);
    await v.post('incoming', caller);
    const answer = await v.post('gather', {
      ...caller,
      SpeechResult: 'I want to talk to a person',
    });
    expect(answer.status).toBe(200);
    const conversation = (await store().conversations.findOpenByThread('voice', callSid))!;
    expect(conversation.status).toBe('queued');
    return { caller, answer, conversation };
  };
  const events = async (id: string) => store().conversations.eventsSince(id, 0);
  const callbacks = async (id: string) =>
    (await events(id)).filter((e) => e.type === 'callback.requested');

  it('offers "press 1" at the handoff, before <Enqueue>, and again in the hold loop', async () => {
    const { caller, answer, conversation } = await handOver('CAlong', '+15550101234');
    expect(verbOrder(answer.text)).toEqual(['Say', 'Gather', 'Enqueue']);
    const twiml = parseTwiml(answer.text);
    // The honest estimate first: a place and a band, and none of the written options.
    const estimate = twiml.Say[0]['#text'] as string;
    expect(estimate).toMatch(/You are number \d+ in the queue/);
    expect(estimate).toMatch(/about \d+–\d+ minutes/);
    expect(estimate).not.toMatch(/by message|callback/);
    const gather = twiml.Gather[0];
    expect(gather['@_input']).toBe('dtmf speech');
    expect(gather['@_numDigits']).toBe('1');
    expect(gather['@_action']).toBe(`${CHOICE}?then=enqueue`);
    expect(gather['@_language']).toBe('en-US');
    expect(gather['@_hints']).toBe('call me back');
    expect(gather.Say[0]['#text']).toMatch(/press 1 or say “call me back”/);
    expect(gather.Say[0]['#text']).toMatch(/call you back at this number/);
    expect(twiml.Enqueue[0]['#text']).toBe(`${conversation.queue}-CAlong`);

    // On hold: a pause, then the estimate from the current figures inside the offer, and again.
    const hold = await v.post('wait', { ...caller, QueuePosition: '1', QueueTime: '0' });
    expect(verbOrder(hold.text)).toEqual(['Pause', 'Gather', 'Redirect']);
    const held = parseTwiml(hold.text).Gather[0];
    expect(held['@_action']).toBe(`${CHOICE}?then=hold`);
    expect(held.Say[0]['#text']).toMatch(/You are number \d+ in the queue/);
    expect(held.Say[1]['#text']).toMatch(/press 1/);
  });

  it('goes back to the hold on any other key or on silence, and stores nothing', async () => {
    const { caller, conversation } = await handOver('CAstay', '+15550102222');
    // Before <Enqueue>: any other key puts the caller on hold.
    const nine = await v.post(
      'callback-choice',
      { ...caller, Digits: '9' },
      { query: 'then=enqueue' },
    );
    expect(nine.status).toBe(200);
    expect(verbOrder(nine.text)).toEqual(['Enqueue']);
    expect(parseTwiml(nine.text).Enqueue[0]['#text']).toBe(`${conversation.queue}-CAstay`);
    // On hold: another key, or nothing heard, is the hold loop again.
    const answers: Record<string, string>[] = [
      { Digits: '9' },
      { SpeechResult: '' },
      { SpeechResult: 'no thanks' },
      // The choice's words, negated, are not the choice.
      { SpeechResult: "Don't call me back, I'll wait" },
      { SpeechResult: 'no, no callback' },
    ];
    for (const answer of answers) {
      const back = await v.post(
        'callback-choice',
        { ...caller, ...answer },
        { query: 'then=hold' },
      );
      expect(back.status).toBe(200);
      expect(verbOrder(back.text)).toEqual(['Pause', 'Gather', 'Redirect']);
      expect(parseTwiml(back.text).Hangup).toBeUndefined();
    }
    expect(await callbacks(conversation.id)).toEqual([]);
    const still = (await store().conversations.get(conversation.id))!;
    expect(still.status).toBe('queued');
    expect(still.channelState.voice?.onHold).toBe(true);
    expect(still.channelState.voice?.callbackTo).toBeUndefined();
  });

  it('on 1, stores the callback once, confirms it and hangs up; the conversation keeps its place and the agent who takes it is not rung', async () => {
    const { caller, conversation } = await handOver('CAcallme', '+15550104321');
    const pressed = { ...caller, Digits: '1' };
    const answer = await v.post('callback-choice', pressed, { query: 'then=hold' });
    expect(answer.status).toBe(200);
    expect(verbOrder(answer.text)).toEqual(['Say', 'Hangup']);
    const confirmation = parseTwiml(answer.text).Say[0]['#text'] as string;
    expect(confirmation).toMatch(/will call you back at this number, ending in 4 3 2 1/);
    expect(confirmation).toMatch(/as soon as one is free/);
    // Twilio posts the same press again (a retry): the same answer, one request.
    const replayed = await v.post('callback-choice', pressed, { query: 'then=hold' });
    expect(verbOrder(replayed.text)).toEqual(['Say', 'Hangup']);
    expect(parseTwiml(replayed.text).Say[0]['#text']).toBe(confirmation);
    const requested = await callbacks(conversation.id);
    expect(requested).toHaveLength(1);
    expect(requested[0]!.actor.type).toBe('customer');
    expect(requested[0]!.data).toMatchObject({
      phone: '+15550104321',
      at: null,
      asSoonAsFree: true,
    });

    // The call ends: Twilio reports the caller left the queue. Still waiting, never abandoned.
    await v.post('left-queue', { ...caller, QueueResult: 'hangup', QueueTime: '40' });
    const waiting = (await store().conversations.get(conversation.id))!;
    expect(waiting.status).toBe('queued');
    expect(waiting.channelState.voice).toMatchObject({ onHold: false, callbackTo: '+15550104321' });
    expect((await events(conversation.id)).some((e) => e.type === 'conversation.abandoned')).toBe(
      false,
    );
    // What the caller heard is stored for the agent, as the other spoken messages are.
    expect(
      (await events(conversation.id)).some(
        (e) => e.type === 'message.created' && e.data.text === confirmation,
      ),
    ).toBe(true);

    // The agent who takes it sees whom to call back, and their phone is not rung.
    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const view = await api(v.server.baseUrl, 'GET', `/api/v1/conversations/${conversation.id}`, {
      token: alex,
    });
    expect(view.body.conversation.handoff.packet.fields.callback).toMatch(
      /^call back \+15550104321 as soon as someone is free/,
    );
    const claimed = await api(
      v.server.baseUrl,
      'POST',
      `/api/v1/conversations/${conversation.id}/claim`,
      { token: alex },
    );
    expect(claimed.status).toBe(200);
    const notRung = await until(async () =>
      (await events(conversation.id)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_not_called',
      ),
    );
    expect(notRung.data.reason).toBe('the caller asked to be called back at +15550104321');
    expect(v.sent.filter((r) => r.body.get('Url')?.endsWith(conversation.id))).toHaveLength(0);
  });

  it('takes the spoken word too, before <Enqueue>, and stores one request when Twilio posts it twice at once', async () => {
    const { caller, conversation } = await handOver('CAsaid', '+15550105555');
    const said = { ...caller, SpeechResult: 'Yes, call me back please.', Confidence: '0.9' };
    // At once: where both read the conversation before either stored (PostgreSQL here), the
    // store refuses the second by the request's dedupe key.
    const answers = await Promise.all([
      v.post('callback-choice', said, { query: 'then=enqueue' }),
      v.post('callback-choice', said, { query: 'then=enqueue' }),
    ]);
    for (const answer of answers) expect(verbOrder(answer.text)).toEqual(['Say', 'Hangup']);
    expect(await callbacks(conversation.id)).toHaveLength(1);
    expect((await store().conversations.get(conversation.id))!.status).toBe('queued');
  });

  it('offers nothing to a caller whose number cannot be called back', async () => {
    const { answer } = await handOver('CAanonymous', 'anonymous');
    expect(verbOrder(answer.text)).toEqual(['Say', 'Enqueue']);
  });

  it('refuses an unsigned (401) or forged (403) answer, and stores nothing', async () => {
    const { caller, conversation } = await handOver('CAforgedpress', '+15550106666');
    const pressed = { ...caller, Digits: '1' };
    const unsigned = await fetch(`${v.server.baseUrl}/channels/voice/callback-choice?then=hold`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(pressed).toString(),
    });
    expect(unsigned.status).toBe(401);
    // Signed for the key 9, sent with 1.
    const forged = await v.post('callback-choice', pressed, {
      query: 'then=hold',
      signature: computeTwilioSignature(VOICE_AUTH_TOKEN, `${CHOICE}?then=hold`, {
        ...caller,
        Digits: '9',
      }),
    });
    expect(forged.status).toBe(403);
    expect(await callbacks(conversation.id)).toEqual([]);
  });

  it('stops offering once the figures no longer make the wait long (nobody connected)', async () => {
    const { caller } = await handOver('CAlater', '+15550107777');
    await api(v.server.baseUrl, 'PUT', '/api/v1/me/presence', {
      token: sam,
      body: { presence: 'offline' },
    });
    const hold = await v.post('wait', { ...caller, QueuePosition: '1' });
    expect(verbOrder(hold.text)).toEqual(['Pause', 'Say', 'Redirect']);
    expect(parseTwiml(hold.text).Say[0]['#text']).toMatch(/Nobody from .* is available/);
  });
});
