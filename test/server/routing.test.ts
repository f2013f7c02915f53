/** Offers, declines, expiry, presence and capacity, through the real server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, type TestSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe('routing through the server', () => {
  let s: TestServer;
  let offsetMs = 0;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    s = await startTestServer({
      clock: () => new Date(Date.now() + offsetMs),
      env: { BATON_TIMER_INTERVAL_MS: '50' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  async function online(email: string) {
    const token = await login(s.baseUrl, email, s.demoAgent.password);
    sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream?token=${token}`));
    const r = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
      token,
      body: { presence: 'online' },
    });
    expect(r.body.agent.presence).toBe('online');
    return token;
  }
  async function handOff(text = 'I want to talk to a human') {
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    return c;
  }
  const status = async (id: string) => (await s.server.store.conversations.get(id))!;

  it('offers to an online agent, takes it back on decline or silence, and never re-offers to them', async () => {
    const alex = await online('alex@example.com');
    const c = await handOff();
    const offered = await until(async () =>
      (await status(c.id)).status === 'offered' ? status(c.id) : undefined,
    );
    const alexId = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.id;
    expect(offered.offeredTo).toBe(alexId);
    expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind).sort()).toEqual([
      'offer.expire',
      'sla.first_response',
    ]);

    const sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    const stolen = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: sam,
    });
    expect(stolen.body.error.code).toBe('ALREADY_CLAIMED');

    const declined = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/decline`, {
      token: alex,
    });
    expect(declined.body.conversation.status).toBe('queued');
    expect((await status(c.id)).declinedBy).toEqual([alexId]);
    // Alex declined: nobody else is online, so it waits (with its SLA timer).
    await new Promise((r) => setTimeout(r, 200));
    expect((await status(c.id)).status).toBe('queued');
    expect(await s.server.store.timers.deadEnds()).toEqual([]);

    // Sam comes online: offered to Sam; Sam stays silent past the 30 s offer timeout.
    await online('sam@example.com');
    const toSam = await until(async () =>
      (await status(c.id)).status === 'offered' ? status(c.id) : undefined,
    );
    expect(toSam.offeredTo).not.toBe(alexId);
    offsetMs += 31_000;
    const back = await until(async () =>
      (await status(c.id)).status === 'queued' ? status(c.id) : undefined,
    );
    expect(back.declinedBy).toHaveLength(2);
    const events = await s.server.store.conversations.eventsSince(c.id, 0);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'conversation.offered',
        'conversation.offer_declined',
        'conversation.offer_expired',
      ]),
    );
  });

  it('hands an offline agent’s conversations back to the queue, priority kept, customer told', async () => {
    const alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    const c = await handOff('I need a person to help with a refund for order 12345');
    const priority = (await status(c.id)).priority;
    await until(async () => ((await status(c.id)).status === 'offered' ? true : undefined));
    const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: alex,
    });
    if (claimed.status !== 200) {
      // Offered to Sam instead: Sam takes it, and Sam is the one who leaves.
      const sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: sam });
      const gone = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: sam,
        body: { presence: 'offline' },
      });
      expect(gone.body.released).toBeGreaterThanOrEqual(1);
    } else {
      const gone = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: alex,
        body: { presence: 'offline' },
      });
      expect(gone.body.released).toBeGreaterThanOrEqual(1);
    }
    const after = await status(c.id);
    expect(['queued', 'offered']).toContain(after.status);
    expect(after.priority).toBe(priority);
    const told = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    expect(told.body.events.some((e: any) => /had to step away/.test(e.data.text ?? ''))).toBe(
      true,
    );
    const team = await api(s.baseUrl, 'GET', '/api/v1/agents', { token: alex });
    expect(team.body.agents.map((a: any) => a.presence)).toContain('offline');
  });
});

describe.each(TEST_DATABASES)('50 parallel claims over HTTP on $name', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (!database.skipReason) s = await startTestServer({ engine: database.name });
  });
  afterAll(async () => {
    await s?.close();
  });
  it.skipIf(database.skipReason)('lets exactly one agent win', async () => {
    const tokens = await Promise.all(
      ['alex@example.com', 'sam@example.com', 'riley@example.com'].map((e) =>
        login(s.baseUrl, e, s.demoAgent.password),
      ),
    );
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: tokens[i % 3] }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status !== 200)
        .every((r) => ['ALREADY_CLAIMED', 'INVALID_TRANSITION'].includes(r.body.error.code)),
    ).toBe(true);
    const events = await s.server.store.conversations.eventsSince(c.id, 0);
    expect(events.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1);
  });
});
