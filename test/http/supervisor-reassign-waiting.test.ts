/**
 * A supervisor's reassign of a conversation nobody has yet, through the real server on both
 * engines: queued, offered to one agent, and deferred after hours, each goes straight to the
 * named agent (assigned, no offer to accept), recorded with where it was; the new agent reads
 * the whole transcript and the handoff packet. An agent may not do it (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { configFile } from '../helpers/config-file.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const weekday = [{ open: '09:00', close: '17:00' }];
const HOURS = `routing:
  businessHours:
    timeZone: UTC
    days: ${JSON.stringify({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday })}
    holidays: []
`;
// Monday 23 November 2026, 10:00 UTC: the team is open.
const MONDAY = Date.parse('2026-11-23T10:00:00Z');
// The same day at 17:30: closed until Tuesday 09:00, handoffs are deferred (the sessions of
// the morning still hold).
const EVENING = Date.parse('2026-11-23T17:30:00Z');

describe.each(TEST_DATABASES)(
  'supervisor reassign of a waiting conversation ($name)',
  (database) => {
    let s: TestServer;
    let now = MONDAY;
    const sockets: TestSocket[] = [];
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({
        engine: database.name,
        clock: () => new Date(now),
        env: { BATON_CONFIG: configFile(HOURS), BATON_TIMER_INTERVAL_MS: '50' },
      });
    });
    afterAll(async () => {
      for (const socket of sockets) await socket.close();
      await s?.close();
    });

    const token = (email: string) => login(s.baseUrl, email, s.demoAgent.password);
    const idOf = async (t: string) =>
      (await api(s.baseUrl, 'GET', '/api/v1/me', { token: t })).body.agent.id as string;
    /** Opens the agent's inbox socket; the agent is online once the store says so. */
    async function connect(t: string) {
      sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(t)));
      const id = await idOf(t);
      await until(async () =>
        (await s.server.store.agents.get(id))?.presence === 'online' ? true : undefined,
      );
      return id;
    }
    async function handOff(text: string) {
      const c = await startConversation(s.baseUrl, { customer: { name: 'Ines' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text },
      });
      return c.id;
    }
    const get = async (id: string) => (await s.server.store.conversations.get(id))!;
    const post = (t: string, path: string, body: unknown = {}) =>
      api(s.baseUrl, 'POST', path, { token: t, body });
    const reassign = (t: string, id: string, body: unknown) =>
      post(t, `/api/v1/supervisor/conversations/${id}/reassign`, body);

    /** What the new agent sees: the conversation is theirs, with its transcript and packet. */
    async function expectHandedTo(agent: string, agentId: string, id: string, said: string) {
      const view = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: agent });
      expect(view.body.conversation).toMatchObject({
        status: 'assigned',
        assignee: { id: agentId },
      });
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, {
        token: agent,
      });
      const texts = events.body.events.map((e: any) => e.data?.text);
      expect(texts).toContain(said);
      const packet = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, {
        token: agent,
      });
      expect(packet.status).toBe(200);
      expect(packet.body.packet.reasons.length).toBeGreaterThan(0);
    }

    it.skipIf(database.skipReason)(
      'moves a queued, an offered and a deferred conversation straight to the named agent',
      async () => {
        const riley = await token('riley@example.com');
        const alex = await token('alex@example.com');
        const sam = await token('sam@example.com');

        // Queued: sales is pull-only, so it waits with agents online. An agent may not move it.
        const alexId = await connect(alex);
        const queuedText = 'We need a quote for 300 units, can sales call me?';
        const queued = await handOff(queuedText);
        expect(await get(queued)).toMatchObject({ status: 'queued', queue: 'sales' });
        const byAgent = await reassign(alex, queued, { agentId: alexId });
        expect(byAgent.status).toBe(403);
        expect((await get(queued)).status).toBe('queued');

        const toAlex = await reassign(riley, queued, {
          agentId: alexId,
          reason: 'knows this account',
        });
        expect(toAlex.status).toBe(200);
        expect(toAlex.body.events.map((e: any) => e.type)).toEqual([
          'conversation.reassigned',
          'conversation.assigned',
          'message.created',
        ]);
        expect(toAlex.body.events[0].data).toMatchObject({
          fromStatus: 'queued',
          toAgentId: alexId,
          reason: 'knows this account',
        });
        await expectHandedTo(alex, alexId, queued, queuedText);

        // Offered: the router reserved it for an online agent; it goes to the other one instead.
        const samId = await connect(sam);
        const offeredText = 'I want to talk to a human, my order 77120 never came';
        const offered = await handOff(offeredText);
        await until(async () => ((await get(offered)).status === 'offered' ? true : undefined));
        const offeredTo = (await get(offered)).offeredTo;
        const [other, otherId] = offeredTo === alexId ? [sam, samId] : [alex, alexId];
        const fromOffer = await reassign(riley, offered, { agentId: otherId });
        expect(fromOffer.status).toBe(200);
        expect(fromOffer.body.events[0].data).toMatchObject({
          fromStatus: 'offered',
          fromAgentId: offeredTo,
          toAgentId: otherId,
        });
        expect(await get(offered)).toMatchObject({ assigneeId: otherId, offeredTo: null });
        await expectHandedTo(other, otherId, offered, offeredText);

        // Deferred: after hours the request waits for Monday; the supervisor moves it now.
        for (const [t, id] of [
          [alex, queued],
          [other, offered],
        ] as const) {
          expect((await post(t, `/api/v1/conversations/${id}/resolve`)).status).toBe(200);
        }
        now = EVENING;
        const deferredText = 'I want to talk to a human about a refund';
        const deferred = await handOff(deferredText);
        expect((await get(deferred)).status).toBe('deferred');
        const fromDeferred = await reassign(riley, deferred, { agentId: samId });
        expect(fromDeferred.status).toBe(200);
        expect(fromDeferred.body.events[0].data).toMatchObject({
          fromStatus: 'deferred',
          toAgentId: samId,
        });
        await expectHandedTo(sam, samId, deferred, deferredText);
        // Assigned now: the next morning's follow-up timer has gone with the deferral.
        expect((await s.server.store.timers.pendingFor(deferred)).map((t) => t.kind)).not.toContain(
          'follow_up.due',
        );
      },
      // Three handoffs, two sockets and a clock jump; slow under a full parallel run.
      90_000,
    );
  },
);
