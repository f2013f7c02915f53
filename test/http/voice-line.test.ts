/**
 * Where handed-over calls ring for an agent, chosen in their profile (GET/PUT
 * /api/v1/me/voice-line): their own number, validated and stored in E.164, or this browser,
 * over the configuration's agentPhones; the ringing (Calls.json `To`) and the Access Token
 * follow it, and each change is in the audit log as `agent.updated`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  AGENT_PHONE,
  callParams,
  startVoiceServer,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const START = Date.parse('2026-11-25T12:00:00Z');
const BROWSER_ENV = {
  BATON_VOICE_API_KEY_SID: 'SK0123456789abcdef0123456789abcdef',
  BATON_VOICE_API_KEY_SECRET: 'the-api-key-secret-of-the-test',
};

describe.each(TEST_DATABASES)('an agent chooses where calls ring ($name)', (db) => {
  let v: VoiceServer;
  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(START), engine: db.name, env: BROWSER_ENV });
  });
  afterAll(async () => {
    await v?.close();
  });

  const line = (token: string, body?: Record<string, unknown>) =>
    api(v.server.baseUrl, body ? 'PUT' : 'GET', '/api/v1/me/voice-line', {
      token,
      ...(body ? { body } : {}),
    });
  const agentId = async (email: string) =>
    (await v.server.server.store.agents.findByEmail(email))!.id;
  /** Hands a call over, has `token`'s agent claim it, and returns the Calls.json request. */
  const ringFor = async (callSid: string, token: string) => {
    const caller = callParams(callSid, '+15550002222');
    await v.post('incoming', caller);
    await v.post('gather', { ...caller, SpeechResult: 'I want to talk to a person please' });
    const call = (await v.server.server.store.conversations.findOpenByThread('voice', callSid))!;
    const claimed = await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${call.id}/claim`, {
      token,
    });
    expect(claimed.status).toBe(200);
    return until(() => v.sent.find((r) => r.body.get('Url')?.endsWith(`conversation=${call.id}`)));
  };

  it("rings an agent's own number, given in any international notation and kept in E.164, instead of the browser", async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    expect((await line(sam)).body).toEqual({
      line: 'browser',
      phone: null,
      chosen: 'default',
      browserAvailable: true,
    });
    for (const phone of ['12345', '+1 555 777 0001', 'call me']) {
      const refused = await line(sam, { line: 'phone', phone });
      expect(refused.status, phone).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    const chosen = await line(sam, { line: 'phone', phone: '+44 20 7946 0958' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({
      line: 'phone',
      phone: '+442079460958',
      chosen: 'profile',
      browserAvailable: true,
    });
    expect((await ringFor('CAsamphone', sam)).body.get('To')).toBe('+442079460958');
    // On a phone now: no Access Token for the browser.
    const token = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', { token: sam });
    expect(token.status).toBe(409);
    expect(token.body.error.code).toBe('VOICE_AGENT_ON_PHONE');

    const samId = await agentId('sam@example.com');
    const morgan = await login(v.server.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
    const audit = await api(
      v.server.baseUrl,
      'GET',
      `/api/v1/team/audit?agentId=${samId}&action=agent.updated`,
      { token: morgan },
    );
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        actor: { id: samId, name: 'Sam' },
        agent: { id: samId, name: 'Sam' },
        action: 'agent.updated',
        changes: { voiceLine: { from: null, to: '+442079460958' } },
      }),
    ]);
  });

  it('rings an agent with a configured phone in the browser once they choose it, and on the configured phone again after "default"', async () => {
    const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
    const alexId = await agentId(v.server.demoAgent.email);
    expect((await line(alex)).body).toMatchObject({ line: 'phone', phone: AGENT_PHONE });

    expect((await line(alex, { line: 'browser' })).body).toEqual({
      line: 'browser',
      phone: null,
      chosen: 'profile',
      browserAvailable: true,
    });
    const token = await api(v.server.baseUrl, 'POST', '/api/v1/voice/token', { token: alex });
    expect(token.status).toBe(200);
    expect(token.body.identity).toBe(alexId);
    const rung = await ringFor('CAalexbrowser', alex);
    expect(rung.body.get('To')).toMatch(new RegExp(`^client:${alexId}\\?conversation=c_`));

    expect((await line(alex, { line: 'default' })).body).toEqual({
      line: 'phone',
      phone: AGENT_PHONE,
      chosen: 'default',
      browserAvailable: true,
    });
    expect((await ringFor('CAalexphone', alex)).body.get('To')).toBe(AGENT_PHONE);
    const morgan = await login(v.server.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
    const audit = await api(
      v.server.baseUrl,
      'GET',
      `/api/v1/team/audit?agentId=${alexId}&action=agent.updated`,
      { token: morgan },
    );
    // Newest first.
    expect(audit.body.entries.map((e: { changes: unknown }) => e.changes)).toEqual([
      { voiceLine: { from: 'browser', to: null } },
      { voiceLine: { from: null, to: 'browser' } },
    ]);
  });

  it('takes no choice for someone else, nor without a session, nor of an unknown kind', async () => {
    expect((await api(v.server.baseUrl, 'GET', '/api/v1/me/voice-line', {})).status).toBe(401);
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    for (const body of [
      { line: 'phone', phone: '+442079460958', agentId: await agentId('alex@example.com') },
      { line: 'pager' },
      { line: 'phone' },
    ]) {
      const refused = await line(sam, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('the browser cannot be chosen without the browser client', () => {
  let v: VoiceServer;
  beforeAll(async () => {
    v = await startVoiceServer({ clock: () => new Date(START) });
  });
  afterAll(async () => {
    await v?.close();
  });

  it('answers 404 VOICE_BROWSER_OFF and keeps the line as it was', async () => {
    const sam = await login(v.server.baseUrl, 'sam@example.com', DEMO_PASSWORD);
    const refused = await api(v.server.baseUrl, 'PUT', '/api/v1/me/voice-line', {
      token: sam,
      body: { line: 'browser' },
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('VOICE_BROWSER_OFF');
    expect(
      (await api(v.server.baseUrl, 'GET', '/api/v1/me/voice-line', { token: sam })).body,
    ).toEqual({ line: 'none', phone: null, chosen: 'default', browserAvailable: false });
  });
});

it('answers 409 CHANNEL_NOT_ENABLED without the voice channel', async () => {
  const s = await startTestServer();
  try {
    const token = await login(s.baseUrl, s.demoAgent.email, DEMO_PASSWORD);
    const answer = await api(s.baseUrl, 'GET', '/api/v1/me/voice-line', { token });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CHANNEL_NOT_ENABLED');
  } finally {
    await s.close();
  }
});
