/**
 * The per-agent report (GET /api/v1/analytics `agents`, and export.csv?kind=agents) from a
 * scripted history on a fixed clock: two agents, known assignments, replies, transfers, a
 * declined and an expired offer, ratings. Every figure is exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('the per-agent report ($name)', (database) => {
  let s: TestServer;
  const sockets: TestSocket[] = [];
  // A fixed, injected clock: the durations below are exact, never wall-clock.
  const base = Date.parse('2026-03-02T10:00:00.000Z');
  let offsetSeconds = 0;
  const at = (secondsAfter1000: number) => {
    offsetSeconds = secondsAfter1000;
  };
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(base + offsetSeconds * 1000),
      // Timers checked often, so the offer's expiry is recorded soon after the clock passes it.
      env: { BATON_TIMER_INTERVAL_MS: '50' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const post = (token: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${path}`, { token, body });
  async function handOff(channel = 'web') {
    const c = await startConversation(s.baseUrl, { channel });
    await post(c.token, `${c.id}/messages`, { action: 'request_human' });
    return c;
  }
  const ok = async (response: Promise<{ status: number; body: unknown }>) => {
    const r = await response;
    expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
    return r;
  };
  const events = (id: string) => s.server.store.conversations.eventsSince(id, 0);

  it.skipIf(database.skipReason)(
    'counts each agent’s conversations, first responses, handle times, CSAT, transfers and offers',
    async () => {
      const alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
      const sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const samId = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent.id;
      const alexId = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.id;

      // A: Alex takes it at 60 s, answers 30 s later, resolves at 300 s (240 s held); rated 5.
      at(0);
      const a = await handOff();
      at(60);
      await ok(post(alex, `${a.id}/claim`));
      at(90);
      await ok(post(alex, `${a.id}/messages`, { text: 'Hi, Alex here.' }));
      at(300);
      await ok(post(alex, `${a.id}/resolve`, { resolved: true }));
      await ok(post(a.token, `${a.id}/csat`, { rating: 5 }));

      // B: Alex answers after 60 s and transfers at 180 s; Sam takes it, answers after 100 s,
      // resolves 400 s after taking it; rated 3.
      at(400);
      const b = await handOff();
      at(420);
      await ok(post(alex, `${b.id}/claim`));
      at(480);
      await ok(post(alex, `${b.id}/messages`, { text: 'Let me check.' }));
      at(600);
      await ok(post(alex, `${b.id}/transfer`, { queue: 'technical', note: 'Router issue' }));
      at(660);
      await ok(post(sam, `${b.id}/claim`));
      at(760);
      await ok(post(sam, `${b.id}/messages`, { text: 'Sam here.' }));
      at(1060);
      await ok(post(sam, `${b.id}/resolve`, { resolved: true }));
      await ok(post(b.token, `${b.id}/csat`, { rating: 3 }));

      // C, through the API channel: Sam answers after 10 s, resolves after 100 s; rated 4.
      at(1300);
      const c = await handOff('api');
      at(1320);
      await ok(post(sam, `${c.id}/claim`));
      at(1330);
      await ok(post(sam, `${c.id}/messages`, { text: 'On it.' }));
      at(1420);
      await ok(post(sam, `${c.id}/resolve`, { resolved: true }));
      await ok(post(c.token, `${c.id}/csat`, { rating: 4 }));

      // D: Alex answers after 10 s and hands it to Sam by name (20 s held); Sam, online, declines;
      // Alex takes it again, answers after 10 s and resolves after 40 s. No rating.
      at(1500);
      const d = await handOff();
      at(1510);
      await ok(post(alex, `${d.id}/claim`));
      at(1520);
      await ok(post(alex, `${d.id}/messages`, { text: 'Hello.' }));
      sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam)));
      await ok(
        api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token: sam, body: { presence: 'online' } }),
      );
      at(1530);
      await ok(post(alex, `${d.id}/transfer`, { agentId: samId }));
      at(1540);
      await ok(post(sam, `${d.id}/decline`));
      at(1560);
      await ok(post(alex, `${d.id}/claim`));
      at(1570);
      await ok(post(alex, `${d.id}/messages`, { text: 'Back with you.' }));
      at(1600);
      await ok(post(alex, `${d.id}/resolve`, { resolved: true }));

      // E: offered to Sam (the only one online), who lets the offer expire; then away. Alex
      // takes it and resolves it after 60 s without writing (no first response).
      at(1700);
      const e = await handOff();
      await until(async () =>
        (await events(e.id)).some((x) => x.type === 'conversation.offered') ? true : undefined,
      );
      at(1731);
      await until(async () =>
        (await events(e.id)).some((x) => x.type === 'conversation.offer_expired')
          ? true
          : undefined,
      );
      await ok(
        api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token: sam, body: { presence: 'away' } }),
      );
      at(1740);
      await ok(post(alex, `${e.id}/claim`));
      at(1800);
      await ok(post(alex, `${e.id}/resolve`, { resolved: true }));

      const range = 'from=2026-03-02T00:00:00.000Z&to=2026-03-03T00:00:00.000Z';
      const r = await api(s.baseUrl, 'GET', `/api/v1/analytics?${range}`, { token: supervisor });
      expect(r.status).toBe(200);
      expect(r.body.agents).toEqual([
        {
          agentId: alexId,
          name: 'Alex',
          handled: 4,
          resolved: 3,
          // A 30, B 60, D 10 and 10 (two assignments).
          firstResponseSeconds: { count: 4, p50: 10, p90: 60 },
          // A 240, B 180, D 20 and 40, E 60.
          handleSeconds: { count: 5, p50: 60 },
          csat: { count: 1, average: 5 },
          transfersOut: 2,
          declinedOffers: 0,
          expiredOffers: 0,
        },
        {
          agentId: samId,
          name: 'Sam',
          handled: 2,
          resolved: 2,
          firstResponseSeconds: { count: 2, p50: 10, p90: 100 },
          handleSeconds: { count: 2, p50: 100 },
          csat: { count: 2, average: 3.5 },
          transfersOut: 0,
          declinedOffers: 1,
          expiredOffers: 1,
        },
      ]);

      // The dashboard's filters apply: on the API channel, only C remains.
      const api_ = await api(s.baseUrl, 'GET', `/api/v1/analytics?${range}&channel=api`, {
        token: supervisor,
      });
      expect(api_.body.agents).toEqual([
        expect.objectContaining({
          name: 'Sam',
          handled: 1,
          resolved: 1,
          firstResponseSeconds: { count: 1, p50: 10, p90: 10 },
          handleSeconds: { count: 1, p50: 100 },
          csat: { count: 1, average: 4 },
          declinedOffers: 0,
          expiredOffers: 0,
        }),
      ]);
      // A day when nobody handled anything: no rows.
      const empty = await api(
        s.baseUrl,
        'GET',
        '/api/v1/analytics?from=2026-03-01T00:00:00.000Z&to=2026-03-02T00:00:00.000Z',
        { token: supervisor },
      );
      expect(empty.body.agents).toEqual([]);

      // The CSV: one row per agent, with the agent's id and name.
      const csv = await fetch(`${s.baseUrl}/api/v1/analytics/export.csv?kind=agents&${range}`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toBe(
        'attachment; filename="baton-agents-2026-03-02.csv"',
      );
      expect((await csv.text()).split('\r\n')).toEqual([
        'agent_id,agent_name,handled,resolved,first_response_count,first_response_p50_seconds,' +
          'first_response_p90_seconds,handle_count,handle_p50_seconds,csat_count,csat_average,' +
          'transfers_out,declined_offers,expired_offers',
        `${alexId},Alex,4,3,4,10,60,5,60,1,5,2,0,0`,
        `${samId},Sam,2,2,2,10,100,2,100,2,3.5,0,1,1`,
        '',
      ]);

      // Supervisors and admins only.
      const asAgent = await api(s.baseUrl, 'GET', `/api/v1/analytics/export.csv?kind=agents`, {
        token: alex,
      });
      expect(asAgent.status).toBe(403);
    },
  );
});
