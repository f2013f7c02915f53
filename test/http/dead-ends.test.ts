/**
 * The dead-end policies through the real server (real sockets, SQLite and PostgreSQL): a
 * silent agent is nudged, then the supervisor alerted, then the conversation re-queued with
 * raised priority; logging in without the inbox open is not being online; concurrent claims
 * never take an agent past capacity; an inbox socket gone past the grace hands back what its
 * agent holds. (Offers coming back after the others: routing.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('dead-end policies on $name', (database) => {
  let s: TestServer;
  let offsetMs = 0;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      env: { BATON_TIMER_INTERVAL_MS: '50' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const get = async (id: string) => (await s.server.store.conversations.get(id))!;
  const events = (id: string) => s.server.store.conversations.eventsSince(id, 0);
  const me = async (token: string) =>
    (await api(s.baseUrl, 'GET', '/api/v1/me', { token })).body.agent;
  async function handOff() {
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    return c;
  }

  it.skipIf(database.skipReason)(
    'logging in is not being online: only the open inbox makes an agent routable',
    async () => {
      const token = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      expect((await me(token)).presence).toBe('offline');
      const c = await handOff();
      await new Promise((r) => setTimeout(r, 300));
      expect((await get(c.id)).status).toBe('queued');
      sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token)));
      await until(async () => ((await me(token)).presence === 'online' ? true : undefined));
      const offered = await until(async () =>
        (await get(c.id)).status === 'offered' ? get(c.id) : undefined,
      );
      expect(offered.offeredTo).toBe((await me(token)).id);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, { token });
    },
  );

  it.skipIf(database.skipReason)(
    'a silent agent is nudged, then the supervisor alerted, then the customer re-queued higher',
    async () => {
      const token = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
      sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token)));
      const c = await handOff();
      await until(async () => ((await get(c.id)).status === 'offered' ? true : undefined));
      const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token,
      });
      expect(claimed.status).toBe(200);
      const priority = (await get(c.id)).priority!;
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'Is anyone still there?' },
      });
      const seen = async (type: string) =>
        until(async () => (await events(c.id)).find((e) => e.type === type));
      offsetMs += 121_000; // routing.deadEnds.replyNudgeSeconds: 120
      expect((await seen('conversation.agent_nudged')).data).toMatchObject({
        agentId: (await me(token)).id,
      });
      offsetMs += 120_000; // replyAlertSeconds: 240
      expect((await seen('conversation.supervisor_alerted')).data).toMatchObject({
        reason: 'agent_silent',
      });
      expect((await get(c.id)).status).toBe('assigned');
      offsetMs += 180_000; // replyRequeueSeconds: 420
      const requeued = await seen('conversation.requeued');
      expect(requeued.data).toMatchObject({ reason: 'agent_silent' });
      const told = (await events(c.id)).find((e) => e.data.kind === 'agent_silent_requeued');
      expect(told?.data.text).toMatch(/Alex has not been able to reply.* number \d+/);
      const after = await get(c.id);
      expect(after.priority!).toBeGreaterThan(priority);
      expect(after.priority!).toBeLessThanOrEqual(90);
      expect(await s.server.store.timers.deadEnds()).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'concurrent claims never take an agent past their capacity',
    async () => {
      // Nobody else has the inbox open from here on: what waits stays queued for the claims.
      for (const socket of sockets.splice(0)) await socket.close();
      const token = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const riley = (await s.server.store.agents.get((await me(token)).id))!;
      const waiting = [];
      for (let i = 0; i < 6; i++) waiting.push(await handOff());
      const results = await Promise.all(
        waiting.map((c) =>
          api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token }),
        ),
      );
      const won = results.filter((r) => r.status === 200).length;
      expect(won).toBe(riley.maxConcurrent);
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.body.error.code).toBe('AGENT_UNAVAILABLE');
      }
      const load = (await s.server.store.reads.loadByAgent()).get(riley.id);
      expect(load).toBe(riley.maxConcurrent);
    },
  );

  it.skipIf(database.skipReason)(
    'an agent whose inbox socket is gone past the grace is set offline, what they hold re-queued',
    async () => {
      // Riley (a supervisor) closes what the capacity test left, so Sam is free for this one.
      const riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const rileyId = (await me(riley)).id;
      const left = [
        ...(await s.server.store.reads.listQueued()),
        ...(await s.server.store.reads.assignedTo(rileyId)),
      ];
      for (const open of left) {
        await api(s.baseUrl, 'POST', `/api/v1/conversations/${open.id}/resolve`, { token: riley });
      }
      const token = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
      const sam = (await me(token)).id;
      const c = await handOff();
      const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token,
      });
      expect(claimed.status).toBe(200);
      await inbox.close();
      // A sweep (every routing.passIntervalMs, 5 s) sees the socket gone; within the grace
      // (routing.deadEnds.ownerGoneSeconds: 60) nothing moves, so a reconnect keeps it all.
      await new Promise((r) => setTimeout(r, 5_500));
      expect((await get(c.id)).status).toBe('assigned');
      offsetMs += 61_000;
      const requeued = await until(async () =>
        (await events(c.id)).find((e) => e.type === 'conversation.requeued'),
      );
      expect(requeued.data).toMatchObject({ agentId: sam, reason: 'agent_disconnected' });
      expect((await get(c.id)).status).toBe('queued');
      expect((await get(c.id)).assigneeId).toBeNull();
      const told = (await events(c.id)).find((e) => e.data.kind === 'agent_left');
      expect(told?.data.text).toMatch(/Sam had to step away/);
      expect((await me(token)).presence).toBe('offline');
      expect(await s.server.store.timers.deadEnds()).toEqual([]);
    },
  );
});
