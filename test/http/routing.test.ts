/** Offers, declines, expiry, a broken promise, presence and capacity, through the real server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
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
    sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token)));
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

  it('takes an offer back on decline or silence, and brings it back to them after the others', async () => {
    const alex = await online('alex@example.com');
    const samToken = await online('sam@example.com');
    const ids = {
      [alex]: (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.id,
      [samToken]: (await api(s.baseUrl, 'GET', '/api/v1/me', { token: samToken })).body.agent.id,
    };
    const tokenOf = (agentId: string) => (ids[alex] === agentId ? alex : samToken);
    const c = await handOff();
    // After a clock jump nothing changes until routing's periodic pass (5 s by default, which
    // this test keeps: the broken promise below depends on how long the conversation queues),
    // so a wait spans up to two passes on a loaded machine: 20 s, not the usual 10.
    const PASSES_MS = 20_000;
    const offeredTo = async (not?: string) =>
      until(async () => {
        const now = await status(c.id);
        return now.status === 'offered' && now.offeredTo !== not ? now.offeredTo! : undefined;
      }, PASSES_MS);
    const first = await offeredTo();
    // The customer was told a wait: that promise has its own check (promise.due).
    expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind).sort()).toEqual([
      'offer.expire',
      'promise.due',
      'sla.first_response',
    ]);
    const other = ids[alex] === first ? ids[samToken]! : ids[alex]!;
    const stolen = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: tokenOf(other),
    });
    expect(stolen.body.error.code).toBe('ALREADY_CLAIMED');

    // The first declines: offered to the other, who lets it expire (30 s offer timeout).
    const declined = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/decline`, {
      token: tokenOf(first),
    });
    expect(declined.status).toBe(200);
    expect(await offeredTo(first)).toBe(other);
    offsetMs += 31_000;
    // Everyone eligible let it pass: after the pause (30 s) a new round, back to the first agent.
    await until(async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).find(
        (e) => e.type === 'conversation.offer_expired',
      ),
    );
    expect((await status(c.id)).status).toBe('queued');
    offsetMs += 31_000;
    expect(await offeredTo(other)).toBe(first);
    const round = (await s.server.store.conversations.eventsSince(c.id, 0)).find(
      (e) => e.type === 'conversation.offer_round_completed',
    );
    expect(round?.data).toMatchObject({ round: 1 });
    expect((await status(c.id)).declinedBy).toEqual([]);
    // Two more silences end round 2: the supervisor is alerted (offerRoundsBeforeAlert: 2).
    offsetMs += 31_000;
    expect(await offeredTo(first)).toBe(other);
    offsetMs += 31_000;
    await until(async () => ((await status(c.id)).status === 'queued' ? true : undefined));
    offsetMs += 31_000;
    const alert = await until(
      async () =>
        (await s.server.store.conversations.eventsSince(c.id, 0)).find(
          (e) => e.type === 'conversation.supervisor_alerted',
        ),
      PASSES_MS,
    );
    expect(alert.data).toMatchObject({ reason: 'offers_unanswered', rounds: 2 });
    // Meanwhile the wait the customer was told passed: they were told so, with their place now,
    // a corrected band and the long-queue choices, and that band is the new promise.
    // Its own timer: under load it can fire after the supervisor's alert, so it is waited for.
    const broken = await until(async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).find(
        (e) => e.data.kind === 'promise_broken',
      ),
    );
    expect(broken?.data.text).toMatch(/^Sorry: we said a person would reply by now.* number 1 /);
    expect(broken?.data).toMatchObject({ prompt: 'long_queue', position: 1 });
    expect((broken?.data.band as { highMinutes: number }).highMinutes).toBeGreaterThanOrEqual(1);
    expect((broken?.data.choices as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(await s.server.store.timers.deadEnds()).toEqual([]);
  }, 90_000);

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
    // The losers: the winner again (INVALID_TRANSITION), the others while it waited
    // (ALREADY_CLAIMED) or once the winner held it, out of an agent's scope (404).
    expect(
      results
        .filter((r) => r.status !== 200)
        .every((r) =>
          ['ALREADY_CLAIMED', 'INVALID_TRANSITION', 'CONVERSATION_NOT_FOUND'].includes(
            r.body.error.code,
          ),
        ),
    ).toBe(true);
    const events = await s.server.store.conversations.eventsSince(c.id, 0);
    expect(events.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1);
  });
});
