/**
 * The inbox shows the presence routing counts on. Opening the inbox makes an offline agent
 * online (docs/routing.md), but the page reads the team list as it opens, which can come
 * before that write: so the socket tells the agent their presence once the opening has been
 * recorded, and tells their other open tabs when they change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const offer = (token: string) => ['baton', `baton.token.${token}`];

describe('presence on the inbox socket', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('tells an agent who was offline that the opened inbox made them online', async () => {
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const off = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
      token,
      body: { presence: 'offline' },
    });
    expect(off.status).toBe(200);
    expect(off.body.agent.presence).toBe('offline');

    const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, offer(token));
    const told = await inbox.waitFor((f) => f.type === 'presence');
    expect(told).toEqual({ type: 'presence', presence: 'online' });
    // What the socket said is what the store holds, and what routing counts on.
    const team = await api(s.baseUrl, 'GET', '/api/v1/agents', { token });
    const me = team.body.agents.find((a: { email: string }) => a.email === s.demoAgent.email);
    expect(me.presence).toBe('online');
    await inbox.close();
  });

  it('keeps "away" when the inbox opens, and tells the other open tabs of a change', async () => {
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    await api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token, body: { presence: 'away' } });
    const first = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, offer(token));
    expect(await first.waitFor((f) => f.type === 'presence')).toEqual({
      type: 'presence',
      presence: 'away',
    });

    const second = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, offer(token));
    await second.waitFor((f) => f.type === 'presence');
    const changed = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
      token,
      body: { presence: 'online' },
    });
    expect(changed.status).toBe(200);
    for (const tab of [first, second])
      await tab.waitFor((f) => f.type === 'presence' && f.presence === 'online');
    await Promise.all([first.close(), second.close()]);
  });
});
