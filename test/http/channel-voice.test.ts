/**
 * Phone calls through Twilio Voice, through the real server: signed webhooks in, TwiML out
 * (parsed as XML), the same policy and bot as text, the hold with an honest estimate, the
 * agent rung through a stand-in of Twilio's REST API, and voicemail after hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  AGENT_PHONE,
  callParams,
  VOICE_ACCOUNT_SID,
  VOICE_AUTH_TOKEN,
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
// Wednesday 25 November 2026, 12:00 UTC: open. Saturday 28 November: closed until Monday 09:00.
const OPEN = Date.parse('2026-11-25T12:00:00Z');
const CLOSED = Date.parse('2026-11-28T12:00:00Z');

describe.each(TEST_DATABASES)('voice calls through Twilio Voice ($name)', (db) => {
  let v: VoiceServer;
  let now = OPEN;
  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(now), yaml: hours, engine: db.name });
  });
  afterAll(async () => {
    await v?.close();
  });

  it('refuses a request whose signature does not match (403) or is missing (401), and one that is not a call (400)', async () => {
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
    // Signed, but not a call (no CallSid): 400 with a code, never a 5xx.
    const { CallSid: _sid, ...noCall } = callParams('CAforged');
    const malformed = await v.post('incoming', noCall);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).error.code).toBe('MALFORMED_PAYLOAD');
    expect((await v.post('hold-music', callParams('CAforged'))).status).toBe(404);
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
    // And what to say to reach a person.
    expect(gather.Say[0]['#text']).toMatch(/say “agent”/);
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
    // No wait is estimated, so none is long: no callback offer (channel-voice-callback.test.ts).
    expect(hold.Gather).toBeUndefined();
    expect(hold.Pause).toHaveLength(1);
    expect(hold.Redirect[0]['#text']).toBe(`${PUBLIC}/channels/voice/wait`);
  });

  it('rings the agent who accepts the call through Twilio’s Calls.json, reads them the handoff summary, and bridges them to that caller', async () => {
    const caller = callParams('CAbridge', '+15550003333');
    await v.post('incoming', caller);
    await v.post('gather', {
      ...caller,
      SpeechResult: 'My order 1234 never arrived, I want to talk to a person',
      Confidence: '0.9',
    });
    const store = v.server.server.store;
    const conversation = (await store.conversations.findOpenByThread('voice', 'CAbridge'))!;
    expect(conversation.status).toBe('queued');

    const agent = await login(
      v.server.baseUrl,
      v.server.demoAgent.email,
      v.server.demoAgent.password,
    );
    const claimed = await api(
      v.server.baseUrl,
      'POST',
      `/api/v1/conversations/${conversation.id}/claim`,
      {
        token: agent,
      },
    );
    expect(claimed.status).toBe(200);
    const call = await until(() => v.sent.find((r) => r.url.endsWith('/Calls.json')));
    expect(call.url).toBe(`/2010-04-01/Accounts/${VOICE_ACCOUNT_SID}/Calls.json`);
    expect(call.authorization).toBe(
      `Basic ${Buffer.from(`${VOICE_ACCOUNT_SID}:${VOICE_AUTH_TOKEN}`).toString('base64')}`,
    );
    expect(call.body.get('To')).toBe(AGENT_PHONE);
    expect(call.body.get('From')).toBe('+15559998888');
    const agentUrl = `${PUBLIC}/channels/voice/agent?conversation=${conversation.id}`;
    expect(call.body.get('Url')).toBe(agentUrl);
    const rung = await until(async () =>
      (await store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_called',
      ),
    );
    expect(rung.data).toMatchObject({ to: AGENT_PHONE });

    // The agent answers: Twilio fetches the Url (signed, with the query) for the agent's leg.
    const agentLeg = {
      ...callParams('CAagentleg', '+15559998888'),
      To: AGENT_PHONE,
      Direction: 'outbound-api',
    };
    const answered = await v.post('agent', agentLeg, { query: `conversation=${conversation.id}` });
    expect(answered.status).toBe(200);
    expect(verbOrder(answered.text)).toEqual(['Say', 'Dial']);
    const twiml = parseTwiml(answered.text);
    const whisper = twiml.Say[0]['#text'] as string;
    expect(whisper).toContain('+15550003333');
    expect(whisper).toMatch(/Reason: .*request/);
    expect(whisper).toMatch(/Goal: .*order 1234/i);
    const queue = twiml.Dial[0].Queue[0];
    expect(queue['#text']).toBe(`${conversation.queue}-CAbridge`);
    expect(queue['@_url']).toBe(
      `${PUBLIC}/channels/voice/connecting?conversation=${conversation.id}`,
    );

    // Just before the bridge the caller hears who is joining.
    const connecting = parseTwiml(
      (
        await v.post(
          'connecting',
          { ...caller, QueueSid: 'QU1', DequeingCallSid: 'CAagentleg' },
          {
            query: `conversation=${conversation.id}`,
          },
        )
      ).text,
    );
    expect(connecting.Say[0]['#text']).toMatch(/^Alex from .* has joined/);

    // A forged agent URL (another conversation in the query, same signature) is refused.
    const forged = await v.post('agent', agentLeg, {
      query: 'conversation=c_other',
      signature: computeTwilioSignature(
        VOICE_AUTH_TOKEN,
        `${PUBLIC}/channels/voice/agent?conversation=${conversation.id}`,
        agentLeg,
      ),
    });
    expect(forged.status).toBe(403);

    // The inbox shows the call: the caller's words and the bot's spoken answers, and the packet.
    const view = await api(v.server.baseUrl, 'GET', `/api/v1/conversations/${conversation.id}`, {
      token: agent,
    });
    expect(view.status).toBe(200);
    expect(view.body.conversation.channel).toBe('voice');
    expect(view.body.conversation.handoff.packet.summary.goal).toMatch(/order 1234/i);
    const listed = await api(
      v.server.baseUrl,
      'GET',
      `/api/v1/conversations/${conversation.id}/events`,
      { token: agent },
    );
    const messages = listed.body.events
      .filter((e: any) => e.type === 'message.created')
      .map((e: any) => [e.data.from, e.data.text]);
    expect(messages[0]).toEqual(['bot', expect.stringMatching(/automated assistant/)]);
    expect(messages).toContainEqual([
      'customer',
      'My order 1234 never arrived, I want to talk to a person',
    ]);
    expect(messages).toContainEqual(['bot', expect.stringMatching(/is available|queue/)]);

    // Twilio reports the caller left the hold (bridged, then done): nobody is rung again for it.
    await v.post('left-queue', { ...caller, QueueResult: 'bridged', QueueTime: '42' });
    expect((await store.conversations.get(conversation.id))!.channelState.voice?.onHold).toBe(
      false,
    );
    const hungUp = parseTwiml(
      (await v.post('agent', agentLeg, { query: `conversation=${conversation.id}` })).text,
    );
    expect(hungUp.Say[0]['#text']).toMatch(/no longer on hold/);
    expect(hungUp.Dial).toBeUndefined();
  });

  it('rings nobody when the accepting agent has no phone configured, and says why on the conversation', async () => {
    const caller = callParams('CAnophone', '+15550005555');
    await v.post('incoming', caller);
    await v.post('gather', { ...caller, SpeechResult: 'I want to talk to a person' });
    const store = v.server.server.store;
    const conversation = (await store.conversations.findOpenByThread('voice', 'CAnophone'))!;
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const calls = v.sent.length;
    await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
      token: sam,
    });
    const refused = await until(async () =>
      (await store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_not_called',
      ),
    );
    expect(refused.data.reason).toMatch(/no phone number is set/);
    expect(v.sent.length).toBe(calls);
  });

  it('tries the agent call again after a 503, and records a refusal (4xx) the agent can see', async () => {
    const store = v.server.server.store;
    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const handOver = async (callSid: string) => {
      const caller = callParams(callSid, '+15550006666');
      await v.post('incoming', caller);
      await v.post('gather', { ...caller, SpeechResult: 'I want to talk to a person' });
      return (await store.conversations.findOpenByThread('voice', callSid))!;
    };
    const callsFor = (id: string) => v.sent.filter((r) => r.body.get('Url')?.endsWith(id));

    const retried = await handOver('CAretry');
    v.answers.push(503);
    const claimed = await api(
      v.server.baseUrl,
      'POST',
      `/api/v1/conversations/${retried.id}/claim`,
      { token: alex },
    );
    expect(claimed.status).toBe(200);
    await until(() => (callsFor(retried.id).length === 1 ? true : undefined));
    now += 31_000; // the timer's lease lapses: the call is tried again
    await until(() => (callsFor(retried.id).length === 2 ? true : undefined));
    await until(async () =>
      (await store.conversations.eventsSince(retried.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_called',
      ),
    );

    const refused = await handOver('CArefused');
    v.answers.push(400);
    await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${refused.id}/claim`, {
      token: alex,
    });
    const failed = await until(async () =>
      (await store.conversations.eventsSince(refused.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_call_failed',
      ),
    );
    expect(failed.data).toMatchObject({ status: 400, to: AGENT_PHONE });
    expect(callsFor(refused.id)).toHaveLength(1);
  });

  it('clears the agent rung for a caller on hold when the next ring fails or rings nobody, so the earlier agent is not left marked', async () => {
    const store = v.server.server.store;
    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const alexId = (await store.agents.findByEmail(v.server.demoAgent.email))!.id;
    const post = (token: string, path: string, body: unknown = {}) =>
      api(v.server.baseUrl, 'POST', `/api/v1/conversations/${path}`, { token, body });
    const shown = async (id: string) =>
      (await api(v.server.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: alex })).body
        .conversation.call;
    // Earlier tests left calls with Alex: back to the queue, so Alex has room to claim.
    const held = (await store.reads.assignedTo(alexId)).filter((c) => c.status === 'assigned');
    for (const { id } of held) {
      expect((await post(alex, `${id}/transfer`, { queue: 'technical' })).status).toBe(200);
    }
    const outcomes = async (id: string) =>
      (await store.conversations.eventsSince(id, 0))
        .filter((e) => e.type === 'channel.voice_call' && /^agent_/.test(e.data.action))
        .map((e) => e.data.action);
    /** A caller on hold whom Alex claimed and Baton rang: Alex is marked as rung. */
    const rungForAlex = async (callSid: string) => {
      const caller = callParams(callSid, '+15550004444');
      await v.post('incoming', caller);
      await v.post('gather', { ...caller, SpeechResult: 'I want to talk to a person' });
      const conversation = (await store.conversations.findOpenByThread('voice', callSid))!;
      expect((await post(alex, `${conversation.id}/claim`)).status).toBe(200);
      await until(async () => ((await shown(conversation.id))?.rungAgentId ? true : undefined));
      expect(await shown(conversation.id)).toEqual({ onHold: true, rungAgentId: alexId });
      // Alex hands it back to the queue: the caller is still on hold, still marked for Alex.
      const moved = await post(alex, `${conversation.id}/transfer`, { queue: 'technical' });
      expect(moved.body.conversation).toMatchObject({ status: 'queued', assignee: null });
      return conversation;
    };

    // Sam takes it, and Sam has no phone (nor the browser client): nobody is rung.
    const skipped = await rungForAlex('CAmarkskip');
    expect((await post(sam, `${skipped.id}/claim`)).status).toBe(200);
    await until(async () =>
      (await outcomes(skipped.id)).includes('agent_not_called') ? true : undefined,
    );
    expect(await outcomes(skipped.id)).toEqual(['agent_called', 'agent_not_called']);
    expect(await shown(skipped.id)).toEqual({ onHold: true, rungAgentId: null });

    // Alex takes it again and Twilio refuses the call (4xx, not retried): nobody is ringing.
    const refused = await rungForAlex('CAmarkfail');
    v.answers.push(400);
    expect((await post(alex, `${refused.id}/claim`)).status).toBe(200);
    await until(async () =>
      (await outcomes(refused.id)).includes('agent_call_failed') ? true : undefined,
    );
    expect(await outcomes(refused.id)).toEqual(['agent_called', 'agent_call_failed']);
    expect(await shown(refused.id)).toEqual({ onHold: true, rungAgentId: null });
  });

  it('with someone from the team connected, tells the caller their place and a wait band, and offers no callback on a short wait', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const socket = await openSocket(`${v.server.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam));
    try {
      await api(v.server.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: sam,
        body: { presence: 'online' },
      });
      const caller = callParams('CAband', '+15550007777');
      await v.post('incoming', caller);
      const answer = await v.post('gather', {
        ...caller,
        SpeechResult: 'I want to talk to a person',
      });
      expect(verbOrder(answer.text)).toEqual(['Say', 'Enqueue']);
      const said = parseTwiml(answer.text).Say[0]['#text'] as string;
      expect(said).toMatch(/You are number \d+ in the queue/);
      expect(said).toMatch(/minute/);
      // A short wait (under the default 15 minutes): no callback offer, on hold either.
      const hold = await v.post('wait', { ...caller, QueuePosition: '1' });
      expect(verbOrder(hold.text)).toEqual(['Pause', 'Say', 'Redirect']);
    } finally {
      await api(v.server.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: sam,
        body: { presence: 'offline' },
      });
      await socket.close();
    }
  });

  it('after hours says so with the follow-up time, offers a voicemail, and keeps its transcription as the captured request', async () => {
    now = CLOSED;
    const caller = callParams('CAnight', '+15550004444');
    await v.post('incoming', caller);
    const answer = await v.post('gather', {
      ...caller,
      SpeechResult: 'I want to talk to a person',
    });
    expect(verbOrder(answer.text)).toEqual(['Say', 'Say', 'Record', 'Hangup']);
    const twiml = parseTwiml(answer.text);
    const closed = twiml.Say[0]['#text'] as string;
    expect(closed).toMatch(/closed/);
    expect(closed).toMatch(/Monday/);
    expect(closed).toMatch(/9:00/);
    // The number came with the call: nobody asks the caller for a way to reach them.
    expect(closed).not.toMatch(/email address|phone number/);
    expect(twiml.Say[1]['#text']).toMatch(/leave a message after the tone/);
    const record = twiml.Record[0];
    expect(record['@_transcribe']).toBe('true');
    expect(record['@_transcribeCallback']).toBe(`${PUBLIC}/channels/voice/voicemail`);
    expect(record['@_action']).toBe(`${PUBLIC}/channels/voice/recorded`);
    const store = v.server.server.store;
    const conversation = (await store.conversations.findOpenByThread('voice', 'CAnight'))!;
    expect(conversation.status).toBe('deferred');

    const recorded = parseTwiml(
      (await v.post('recorded', { ...caller, RecordingSid: 'RE1', RecordingDuration: '9' })).text,
    );
    expect(recorded.Say[0]['#text']).toMatch(/message is saved/);
    expect(recorded.Hangup).toHaveLength(1);

    const transcription = {
      ...caller,
      CallStatus: 'completed',
      RecordingSid: 'RE1',
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${VOICE_ACCOUNT_SID}/Recordings/RE1`,
      TranscriptionSid: 'TR1',
      TranscriptionStatus: 'completed',
      TranscriptionText: 'Hi, it is about order 1234, it never came. Please call me back.',
    };
    expect((await v.post('voicemail', transcription)).status).toBe(200);
    // Twilio retries a callback it thinks failed: the voicemail is kept once.
    expect((await v.post('voicemail', transcription)).status).toBe(200);
    const events = await store.conversations.eventsSince(conversation.id, 0);
    const voicemails = events.filter(
      (e) => e.type === 'message.created' && e.data.kind === 'voicemail',
    );
    expect(voicemails).toHaveLength(1);
    expect(voicemails[0]!.data).toMatchObject({
      from: 'customer',
      text: transcription.TranscriptionText,
      followUpAt: '2026-11-30T09:00:00.000Z',
      recordingUrl: transcription.RecordingUrl,
    });
    expect((await store.conversations.get(conversation.id))!.status).toBe('deferred');

    // Twilio could not transcribe a second one: the recording is kept, marked as such.
    const untranscribed = {
      ...transcription,
      RecordingSid: 'RE2',
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${VOICE_ACCOUNT_SID}/Recordings/RE2`,
      TranscriptionSid: 'TR2',
      TranscriptionStatus: 'failed',
      TranscriptionText: '',
    };
    expect((await v.post('voicemail', untranscribed)).status).toBe(200);
    const second = (await store.conversations.eventsSince(conversation.id, 0)).find(
      (e) => e.type === 'message.created' && e.data.recordingUrl === untranscribed.RecordingUrl,
    );
    expect(second?.data).toMatchObject({
      kind: 'voicemail',
      text: '[voicemail: no transcription]',
    });

    // Monday 09:00: queued like any deferred request; the caller has long hung up, so the
    // agent who takes it is not rung (they call back).
    now = Date.parse('2026-11-30T09:00:05Z');
    await until(async () =>
      (await store.conversations.get(conversation.id))?.status === 'queued' ? true : undefined,
    );
    // Riley: no earlier test here gave Riley a call, so Riley has room (Alex may be full).
    const riley = await login(v.server.baseUrl, 'riley@example.com', DEMO_PASSWORD);
    const claimed = await api(
      v.server.baseUrl,
      'POST',
      `/api/v1/conversations/${conversation.id}/claim`,
      { token: riley },
    );
    expect(claimed.status).toBe(200);
    const notRung = await until(async () =>
      (await store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_not_called',
      ),
    );
    expect(notRung.data.reason).toMatch(/no longer on hold/);
    expect(v.sent.filter((r) => r.body.get('Url')?.endsWith(conversation.id))).toHaveLength(0);
  });
});
