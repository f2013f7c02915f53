/**
 * "Call back" from the inbox, through the real server on both engines against the stand-in of
 * Twilio's REST API: the assigned agent (or a supervisor) has Baton place Calls.json to the
 * customer with the documented parameters (To, From, Url, StatusCallback and its events), retried
 * on a 5xx; Twilio's signed fetch of Url bridges the customer to the agent's own line; the
 * signed status callbacks become system events once each; the refusals are clear 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCatalog } from '../../src/app/routing/queue-catalog.ts';
import { customerText } from '../../src/core/i18n/customer-text.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  AGENT_PHONE,
  callParams,
  claimCall,
  handOverCall,
  loseCallsAnswer,
  parseTwiml,
  startVoiceServer,
  VOICE_PUBLIC_BASE_URL as PUBLIC,
  verbOrder,
  voiceCallEvent,
  withLapsingVoiceServer,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const START = Date.parse('2026-11-25T12:00:00Z');
const CALLER_ID = '+15559990000';
/** A voice server calling from CALLER_ID on a clock that only `lapse` moves. */
const lapsing = (engine: 'sqlite' | 'postgres') => ({
  start: START,
  engine,
  yaml: `    callerId: '${CALLER_ID}'\n`,
});

describe.each(TEST_DATABASES)('calling a customer back from the inbox ($name)', (db) => {
  let v: VoiceServer;
  let alex = '';
  let now = START;
  beforeAll(async () => {
    v = await startVoiceServer({
      clock: () => new Date(now),
      engine: db.name,
      yaml: `    callerId: '${CALLER_ID}'\n`,
    });
    alex = await login(v.server.baseUrl, 'alex@example.com', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await v?.close();
  });

  const store = () => v.server.server.store;
  const base = () => v.server.baseUrl;
  const callBacksSent = (id: string) =>
    v.sent.filter(
      (r) =>
        r.url.endsWith('/Calls.json') &&
        r.body.get('Url')?.includes(`/call-back?conversation=${id}&`),
    );
  const callBackEvents = async (id: string) =>
    (await store().conversations.eventsSince(id, 0))
      .filter(
        (e) => e.type === 'channel.voice_call' && String(e.data.action).startsWith('call_back'),
      )
      .map((e): Record<string, unknown> => ({ actor: e.actor.type, ...e.data }));
  /** A caller handed over and claimed by Alex, whose phone was rung for them first. */
  const handedOverCall = async (callSid: string, from: string) => {
    const conversation = await handOverCall(v, callSid, from, 'I want to talk to a person');
    await claimCall(v, conversation.id, alex);
    return conversation;
  };

  it('places Calls.json to the caller, bridges them to the agent, and records each status once', async () => {
    const conversation = await handedOverCall('CAcallback1', '+15550101234');
    const alexId = (await store().agents.findByEmail('alex@example.com'))!.id;
    v.answers.push(503); // the outbox tries again after Twilio's 5xx
    const pressed = await api(
      base(),
      'POST',
      `/api/v1/conversations/${conversation.id}/call-back`,
      {
        token: alex,
      },
    );
    expect(pressed.body.error).toBeUndefined();
    expect(pressed.status).toBe(202);
    expect(pressed.body.events[0].data).toEqual({
      action: 'call_back_requested',
      agentId: alexId,
      to: '+15550101234',
    });

    await until(() => callBacksSent(conversation.id)[0]);
    now += 31_000; // the timer's lease lapses: the call is tried again
    const placed = await until(async () =>
      (await callBackEvents(conversation.id)).find((e) => e.action === 'call_back_placed'),
    );
    const sent = callBacksSent(conversation.id);
    expect(sent).toHaveLength(2);
    const url = `${PUBLIC}/channels/voice/call-back?conversation=${conversation.id}&agent=${alexId}`;
    const statusUrl = `${PUBLIC}/channels/voice/call-back-status?conversation=${conversation.id}`;
    for (const request of sent) {
      expect(request.body.get('To')).toBe('+15550101234');
      expect(request.body.get('From')).toBe(CALLER_ID);
      expect(request.body.get('Url')).toBe(url);
      expect(request.body.get('Method')).toBe('POST');
      expect(request.body.get('StatusCallback')).toBe(statusUrl);
      expect(request.body.get('StatusCallbackMethod')).toBe('POST');
      expect(request.body.getAll('StatusCallbackEvent')).toEqual([
        'initiated',
        'ringing',
        'answered',
        'completed',
      ]);
    }
    // The sid the stand-in gave the second (accepted) request.
    const callSid = `CA${String(v.sent.indexOf(sent[1]!) + 1).padStart(32, '0')}`;
    expect(placed).toEqual({
      actor: 'system',
      action: 'call_back_placed',
      agentId: alexId,
      to: '+15550101234',
      callSid,
    });

    // A second press while the call is under way is refused.
    const again = await api(base(), 'POST', `/api/v1/conversations/${conversation.id}/call-back`, {
      token: alex,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CALL_BACK_IN_PROGRESS');

    // The customer answers: Twilio fetches Url, and the TwiML dials Alex's phone.
    const leg = {
      ...callParams(callSid, CALLER_ID),
      To: '+15550101234',
      Direction: 'outbound-api',
    };
    const answered = await v.post('call-back', leg, {
      query: `conversation=${conversation.id}&agent=${alexId}`,
    });
    expect(answered.status).toBe(200);
    // First a greeting in the conversation's language (here English, the team named as no
    // companyName is configured), then the bridge.
    expect(verbOrder(answered.text)).toEqual(['Say', 'Dial']);
    const greeting = parseTwiml(answered.text).Say[0];
    expect(greeting['@_language']).toBe('en-US');
    const alexName = (await store().agents.get(alexId))!.name;
    const stored = (await store().conversations.get(conversation.id))!;
    expect(greeting['#text']).toBe(
      customerText('voice_call_back_greeting', 'en', {
        company: queueCatalog().teamName(stored.queue, 'en'),
        agent: alexName,
      }),
    );
    expect(greeting['#text']).toMatch(/^Hello, this is \S.* calling back about your request\./);
    const dial = parseTwiml(answered.text).Dial[0];
    expect(dial['@_callerId']).toBe(CALLER_ID);
    expect(answered.text).toContain(`<Number>${AGENT_PHONE}</Number>`);
    // Unsigned, it is refused.
    const forged = await v.post('call-back', leg, {
      query: `conversation=${conversation.id}&agent=${alexId}`,
      signature: 'forged',
    });
    expect(forged.status).toBe(403);

    // Status callbacks, one posted twice and one forged: each status is recorded once.
    const status = (CallStatus: string, extra: Record<string, string> = {}) =>
      v.post(
        'call-back-status',
        { ...leg, CallStatus, ...extra },
        {
          query: `conversation=${conversation.id}`,
        },
      );
    expect((await status('ringing')).status).toBe(200);
    expect((await status('ringing')).status).toBe(200);
    expect(
      (
        await v.post(
          'call-back-status',
          { ...leg, CallStatus: 'busy' },
          { query: `conversation=${conversation.id}`, signature: 'forged' },
        )
      ).status,
    ).toBe(403);
    await status('in-progress');
    await status('completed', { CallDuration: '42' });
    const statuses = (await callBackEvents(conversation.id))
      .filter((e) => e.action === 'call_back_status')
      .map((e) => ({ status: e.callStatus, duration: e.duration }));
    expect(statuses).toEqual([
      { status: 'ringing', duration: undefined },
      { status: 'in-progress', duration: undefined },
      { status: 'completed', duration: 42 },
    ]);

    // Done: another call back may start. The audit log has both presses.
    const next = await api(base(), 'POST', `/api/v1/conversations/${conversation.id}/call-back`, {
      token: alex,
    });
    expect(next.status).toBe(202);
    const audit = await store().teamAudit.page({ limit: 50 });
    const rows = audit.entries.filter(
      (e) =>
        e.action === 'conversation.called_back' && e.changes.conversationId === conversation.id,
    );
    expect(rows.map((r) => r.agentId)).toEqual([alexId, alexId]);
  });

  it('calls the number a customer left with a callback request, and refuses other agents and conversations without a number', async () => {
    // A chat: handed over, claimed by Alex, with a callback request for a number.
    const chat = await startConversation(base(), { language: 'de' });
    await api(base(), 'POST', `/api/v1/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text: 'I want to talk to a human' },
    });
    await until(async () =>
      ['queued', 'offered'].includes((await store().conversations.get(chat.id))?.status ?? '')
        ? true
        : undefined,
    );
    // Waiting in Sam's queue, Sam sees it but is not its assignee.
    const sam = await login(base(), 'sam@example.com', DEMO_PASSWORD);
    const waiting = await api(base(), 'POST', `/api/v1/conversations/${chat.id}/call-back`, {
      token: sam,
    });
    expect(waiting.status).toBe(403);
    expect(waiting.body.error.code).toBe('NOT_ASSIGNEE');
    const claimed = await api(base(), 'POST', `/api/v1/conversations/${chat.id}/claim`, {
      token: alex,
    });
    expect(claimed.status).toBe(200);
    const press = () =>
      api(base(), 'POST', `/api/v1/conversations/${chat.id}/call-back`, { token: alex });
    const none = await press();
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NO_PHONE_NUMBER');

    await store().conversations.commit({
      conversationId: chat.id,
      events: [
        {
          type: 'callback.requested',
          actor: { type: 'customer' },
          data: { phone: '+447700900123', at: '2026-11-25T13:00:00.000Z', timeZone: 'UTC' },
        },
      ],
      now: new Date(START),
    });
    // Sam is not assigned and does not see Alex's conversation: as for an unknown id. Riley, a supervisor, may; the call rings Riley's line,
    // and Riley has none (no phone, no browser client): refused with the reason.
    const bySam = await api(base(), 'POST', `/api/v1/conversations/${chat.id}/call-back`, {
      token: sam,
    });
    expect(bySam.status).toBe(404);
    expect(bySam.body.error.code).toBe('CONVERSATION_NOT_FOUND');
    const riley = await login(base(), 'riley@example.com', DEMO_PASSWORD);
    const byRiley = await api(base(), 'POST', `/api/v1/conversations/${chat.id}/call-back`, {
      token: riley,
    });
    expect(byRiley.status).toBe(409);
    expect(byRiley.body.error.code).toBe('VOICE_NO_LINE');

    const pressed = await press();
    expect(pressed.status).toBe(202);
    await until(async () =>
      (await callBackEvents(chat.id)).find((e) => e.action === 'call_back_placed'),
    );
    const [sent] = callBacksSent(chat.id);
    expect(sent!.body.get('To')).toBe('+447700900123');
    expect(sent!.body.get('From')).toBe(CALLER_ID);
    // The customer answers: greeted in the conversation's language (German), then bridged.
    const alexId = (await store().agents.findByEmail('alex@example.com'))!.id;
    const answered = await v.post(
      'call-back',
      {
        ...callParams('CAchatcallback', CALLER_ID),
        To: '+447700900123',
        Direction: 'outbound-api',
      },
      { query: `conversation=${chat.id}&agent=${alexId}` },
    );
    expect(verbOrder(answered.text)).toEqual(['Say', 'Dial']);
    const greeting = parseTwiml(answered.text).Say[0];
    expect(greeting['@_language']).toBe('de-DE');
    const queue = (await store().conversations.get(chat.id))!.queue;
    expect(greeting['#text']).toBe(
      customerText('voice_call_back_greeting', 'de', {
        company: queueCatalog().teamName(queue, 'de'),
        agent: (await store().agents.get(alexId))!.name,
      }),
    );
    expect(greeting['#text']).toMatch(/^Hallo, hier ist \S.*Anfrage zurück\./);
    // No status callback ever came: under way for 15 minutes, then no longer in the way.
    expect((await press()).body.error.code).toBe('CALL_BACK_IN_PROGRESS');
    now += 16 * 60_000;
    expect((await press()).status).toBe(202);
  });
});

describe.each(TEST_DATABASES)('a call back whose answer is lost ($name)', (db) => {
  it('does not ring the customer twice when the first answer is lost after Twilio created the call', async () => {
    const metricsToken = 'scrape-token-0123456789';
    const options = { ...lapsing(db.name), env: { BATON_METRICS_TOKEN: metricsToken } };
    await withLapsingVoiceServer(options, async (v, lapse) => {
      const base = v.server.baseUrl;
      const store = v.server.server.store;
      const customer = '+15550109999';
      // A chat handed over, claimed by Alex, with a callback request for the customer's number.
      const chat = await startConversation(base);
      await api(base, 'POST', `/api/v1/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: { text: 'I want to talk to a human' },
      });
      await until(async () =>
        ['queued', 'offered'].includes((await store.conversations.get(chat.id))?.status ?? '')
          ? true
          : undefined,
      );
      const alex = await login(base, 'alex@example.com', DEMO_PASSWORD);
      expect(
        (await api(base, 'POST', `/api/v1/conversations/${chat.id}/claim`, { token: alex })).status,
      ).toBe(200);
      await store.conversations.commit({
        conversationId: chat.id,
        events: [
          {
            type: 'callback.requested',
            actor: { type: 'customer' },
            data: { phone: customer, at: '2026-11-25T13:00:00.000Z', timeZone: 'UTC' },
          },
        ],
        now: new Date(START),
      });
      // The stand-in creates the call, then drops the connection before answering; the lease
      // lapses and the retry first asks Twilio for the calls to that number.
      const { created, outcome: placed } = await loseCallsAnswer(v, {
        to: customer,
        from: CALLER_ID,
        send: async () => {
          const pressed = await api(base, 'POST', `/api/v1/conversations/${chat.id}/call-back`, {
            token: alex,
          });
          expect(pressed.status).toBe(202);
        },
        lapse,
        recorded: () => voiceCallEvent(v, chat.id, 'call_back_placed'),
      });
      expect(placed.data).toMatchObject({ callSid: created.sid, foundOnRetry: true, to: customer });
      const scrape = await (
        await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
      ).text();
      expect(scrape).toMatch(/baton_voice_calls_found_on_retry_total\{step="call_back"\} 1\n/);
    });
  });
});

describe.each(TEST_DATABASES)('two call backs to one number in the same minute ($name)', (db) => {
  it("does not take the other conversation's call back for this one's", async () => {
    await withLapsingVoiceServer(lapsing(db.name), async (v, lapse) => {
      const base = v.server.baseUrl;
      const store = v.server.server.store;
      const alex = await login(base, 'alex@example.com', DEMO_PASSWORD);
      const customer = '+15550108888';
      // The same caller calls twice: two conversations, both Alex's.
      const first = await handOverCall(v, 'CAsamenumber1', customer);
      const second = await handOverCall(v, 'CAsamenumber2', customer);
      for (const call of [first, second]) await claimCall(v, call.id, alex);
      const placed = (id: string) => () => voiceCallEvent(v, id, 'call_back_placed');
      const press = (id: string) =>
        api(base, 'POST', `/api/v1/conversations/${id}/call-back`, { token: alex });
      const posts = (id: string) =>
        v.sent.filter((r) => r.body.get('Url')?.includes(`/call-back?conversation=${id}&`));
      // The first call back is placed; in the same minute the second one gets a 503 (Twilio
      // made no call), and its retry lists the calls to that number: only the first one's.
      expect((await press(first.id)).status).toBe(202);
      const firstPlaced = await until(placed(first.id));
      v.answers.push(503);
      expect((await press(second.id)).status).toBe(202);
      await until(() => posts(second.id)[0]);
      lapse();
      const secondPlaced = await until(placed(second.id));
      const sent = posts(second.id);
      expect(sent).toHaveLength(2);
      const created = `CA${String(v.sent.indexOf(sent[1]!) + 1).padStart(32, '0')}`;
      expect(secondPlaced.data).toEqual({
        action: 'call_back_placed',
        agentId: (await store.agents.findByEmail('alex@example.com'))!.id,
        to: customer,
        callSid: created,
      });
      expect(secondPlaced.data.callSid).not.toBe(firstPlaced.data.callSid);
      // Two calls to the number: one per conversation.
      expect(v.calls.filter((c) => c.to === customer).map((c) => c.sid)).toEqual([
        firstPlaced.data.callSid,
        created,
      ]);
    });
  });
});

describe('call back without the voice channel', () => {
  it('answers 409 CHANNEL_NOT_ENABLED, ten times a minute, then 429 RATE_LIMITED', async () => {
    const s = await startTestServer();
    try {
      const chat = await startConversation(s.baseUrl);
      const morgan = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
      const answers = [];
      for (let i = 0; i < 11; i++) {
        answers.push(
          await api(s.baseUrl, 'POST', `/api/v1/conversations/${chat.id}/call-back`, {
            token: morgan,
          }),
        );
      }
      expect(answers[0]!.body.error.code).toBe('CHANNEL_NOT_ENABLED');
      expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(409), 429]);
    } finally {
      await s.close();
    }
  });
});

describe('the call back greeting with channels.voice.companyName', () => {
  it('names the company instead of the team', async () => {
    const v = await startVoiceServer({
      clock: () => new Date(START),
      yaml: `    companyName: 'Acme & Sons'\n`,
    });
    try {
      const chat = await startConversation(v.server.baseUrl, { language: 'es' });
      const alex = (await v.server.server.store.agents.findByEmail('alex@example.com'))!;
      const answered = await v.post(
        'call-back',
        { ...callParams('CAcompany', CALLER_ID), To: '+447700900123', Direction: 'outbound-api' },
        { query: `conversation=${chat.id}&agent=${alex.id}` },
      );
      expect(verbOrder(answered.text)).toEqual(['Say', 'Dial']);
      const greeting = parseTwiml(answered.text).Say[0];
      expect(greeting['@_language']).toBe('es-ES');
      expect(greeting['#text']).toBe(
        customerText('voice_call_back_greeting', 'es', {
          company: 'Acme & Sons',
          agent: alex.name,
        }),
      );
      expect(greeting['#text']).toContain('Acme & Sons');
    } finally {
      await v.close();
    }
  });
});
