/**
 * Taking calls in the browser (channels.voice.browserClient): an agent without a phone in
 * agentPhones gets a Twilio Access Token for their own identity, signed as Twilio documents it,
 * and is rung as `client:<identity>` through the same Calls.json step (whisper, bridge,
 * retries, outcome events) as a phone agent, who still gets their phone.
 */
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  AGENT_PHONE,
  callParams,
  handOverCall,
  parseTwiml,
  startVoiceServer,
  VOICE_ACCOUNT_SID,
  VOICE_PUBLIC_BASE_URL as PUBLIC,
  verbOrder,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
const API_KEY_SECRET = 'the-api-key-secret-of-the-test';
const TWIML_APP_SID = 'AP0123456789abcdef0123456789abcdef';
const START = Date.parse('2026-11-25T12:00:00Z');

describe.each(TEST_DATABASES)('voice calls taken in the browser ($name)', (db) => {
  let v: VoiceServer;
  let now = START;
  beforeAll(async () => {
    v = await startVoiceServer({
      clock: () => new Date(now),
      engine: db.name,
      env: {
        BATON_VOICE_API_KEY_SID: API_KEY_SID,
        BATON_VOICE_API_KEY_SECRET: API_KEY_SECRET,
        BATON_VOICE_TWIML_APP_SID: TWIML_APP_SID,
      },
    });
  });
  afterAll(async () => {
    await v?.close();
  });

  const agentId = async (email: string) =>
    (await v.server.server.store.agents.findByEmail(email))!.id;

  it('gives an agent without a phone an Access Token for their own identity, signed HS256 with the API key secret, with exactly the documented claims and grants', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const samId = await agentId('sam@example.com');
    const answer = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', { token: sam });
    expect(answer.status).toBe(200);
    const iat = Math.floor(now / 1000);
    expect(answer.body).toEqual({
      token: expect.any(String),
      identity: samId,
      expiresAt: new Date((iat + 3600) * 1000).toISOString(),
    });
    const token = answer.body.token as string;
    expect(decodeProtectedHeader(token)).toEqual({
      typ: 'JWT',
      alg: 'HS256',
      cty: 'twilio-fpa;v=1',
    });
    // The signature verifies with the secret (at the server's time), and not with another.
    const verified = await jwtVerify(token, new TextEncoder().encode(API_KEY_SECRET), {
      algorithms: ['HS256'],
      currentDate: new Date(now),
    });
    expect(verified.payload).toEqual({
      jti: `${API_KEY_SID}-${iat}`,
      iss: API_KEY_SID,
      sub: VOICE_ACCOUNT_SID,
      iat,
      nbf: iat,
      exp: iat + 3600,
      grants: {
        identity: samId,
        voice: { incoming: { allow: true }, outgoing: { application_sid: TWIML_APP_SID } },
      },
    });
    await expect(
      jwtVerify(token, new TextEncoder().encode('another-secret'), { currentDate: new Date(now) }),
    ).rejects.toThrow();
  });

  it('never gives a token for another identity, nor to an agent who takes calls on a phone, nor without a session', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const alexId = await agentId('alex@example.com');
    // The route takes no identity: asking for someone else's is refused, no token issued.
    const other = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', {
      token: sam,
      body: { identity: alexId },
    });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(other.body)).not.toMatch(/eyJ/);

    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const phoneAgent = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', {
      token: alex,
    });
    expect(phoneAgent.status).toBe(409);
    expect(phoneAgent.body.error.code).toBe('VOICE_AGENT_ON_PHONE');

    const anonymous = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', {});
    expect(anonymous.status).toBe(401);
  });

  it('rings a browser agent as client:<identity> through Calls.json (same Url, whisper and bridge, retried after a 503), and a phone agent on their phone', async () => {
    const store = v.server.server.store;
    const callsFor = (id: string) =>
      v.sent.filter((r) => r.url.endsWith('/Calls.json') && r.body.get('Url')?.endsWith(id));

    const samId = await agentId('sam@example.com');
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const browserCall = await handOverCall(v, 'CAbrowser', '+15550007777');
    v.answers.push(503);
    const claimed = await api(
      v.server.baseUrl,
      'POST',
      `/api/v1/conversations/${browserCall.id}/claim`,
      { token: sam },
    );
    expect(claimed.status).toBe(200);
    await until(() => (callsFor(browserCall.id).length === 1 ? true : undefined));
    now += 31_000; // the timer's lease lapses: the call is tried again
    await until(() => (callsFor(browserCall.id).length === 2 ? true : undefined));
    const agentUrl = `${PUBLIC}/channels/voice/agent?conversation=${browserCall.id}`;
    for (const request of callsFor(browserCall.id)) {
      // Twilio's documented way to give a Client callee custom parameters: To's query.
      const to = request.body.get('To')!;
      expect(to).toBe(`client:${samId}?conversation=${browserCall.id}&caller=%2B15550007777`);
      expect(Object.fromEntries(new URLSearchParams(to.split('?')[1]))).toEqual({
        conversation: browserCall.id,
        caller: '+15550007777',
      });
      expect(request.body.get('From')).toBe('+15559998888');
      expect(request.body.get('Url')).toBe(agentUrl);
    }
    const rung = await until(async () =>
      (await store.conversations.eventsSince(browserCall.id, 0)).find(
        (e) => e.type === 'channel.voice_call' && e.data.action === 'agent_called',
      ),
    );
    // With the sid the stand-in gave the second (accepted) request.
    const accepted = v.sent.indexOf(callsFor(browserCall.id)[1]!) + 1;
    expect(rung.data).toEqual({
      action: 'agent_called',
      agentId: samId,
      to: `client:${samId}`,
      callSid: `CA${String(accepted).padStart(32, '0')}`,
    });
    // The agent API (and the inbox's copy) says whom Baton rang for this caller on hold.
    const shown = async (id: string, token: string) =>
      (await api(v.server.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token })).body
        .conversation.call;
    await until(async () =>
      (await shown(browserCall.id, sam))?.rungAgentId === samId ? true : undefined,
    );
    expect(await shown(browserCall.id, sam)).toEqual({ onHold: true, rungAgentId: samId });

    // The browser answers: Twilio fetches the same Url, to client:<identity>.
    const browserLeg = {
      ...callParams('CAbrowserleg', '+15559998888'),
      To: `client:${samId}`,
      Direction: 'outbound-api',
    };
    const answered = await v.post('agent', browserLeg, { query: `conversation=${browserCall.id}` });
    expect(verbOrder(answered.text)).toEqual(['Say', 'Dial']);
    const twiml = parseTwiml(answered.text);
    expect(twiml.Say[0]['#text']).toContain('+15550007777');
    expect(twiml.Dial[0].Queue[0]['#text']).toBe(`${browserCall.queue}-CAbrowser`);

    // Alex has a phone in agentPhones: the phone is still what rings.
    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const phoneCall = await handOverCall(v, 'CAphone', '+15550008888');
    await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${phoneCall.id}/claim`, {
      token: alex,
    });
    const toPhone = await until(() => callsFor(phoneCall.id)[0]);
    expect(toPhone.body.get('To')).toBe(AGENT_PHONE);
    const alexId = await agentId(v.server.demoAgent.email);
    await until(async () =>
      (await shown(phoneCall.id, alex))?.rungAgentId === alexId ? true : undefined,
    );
    expect(await shown(phoneCall.id, alex)).toEqual({ onHold: true, rungAgentId: alexId });
    // Bridged: the caller left hold, and nobody is being rung for them any more.
    await v.post('left-queue', {
      ...callParams('CAphone', '+15550008888'),
      QueueResult: 'bridged',
      QueueTime: '12',
    });
    expect(await shown(phoneCall.id, alex)).toEqual({ onHold: false, rungAgentId: null });
  });
});

describe('voice without the browser client', () => {
  let v: VoiceServer;
  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(START) });
  });
  afterAll(async () => {
    await v?.close();
  });

  it('answers the token route with 404 VOICE_BROWSER_OFF', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const answer = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', { token: sam });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('VOICE_BROWSER_OFF');
  });

  it('takes 20 token requests a minute from one address, then answers 429 RATE_LIMITED', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const statuses: number[] = [];
    // One was spent by the test above: 19 more reach the route, the next is refused.
    for (let i = 0; i < 20; i++) {
      statuses.push(
        (await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', { token: sam })).status,
      );
    }
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(404));
    expect(statuses[19]).toBe(429);
  });
});
