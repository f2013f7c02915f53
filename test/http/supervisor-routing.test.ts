/**
 * Routing leftovers through the real server, on both engines: overflow to the fallback queue
 * on an SLA breach (sales keeps waiting), transfer to a named agent, supervisor reassign, and
 * the supervisor overview with its alerts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { bumpPriority } from '../../src/core/routing/bump-priority.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const METRICS_TOKEN = 'scrape-token-0123456789';
import { until } from '../helpers/until.ts';

const SLA_SECONDS = 300;
const BILLING_SLA_SECONDS = 120;

describe.each(TEST_DATABASES)('supervisor and routing leftovers ($name)', (database) => {
  let s: TestServer;
  let offsetMs = 0;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    if (database.skipReason) return;
    // Billing has a target of its own; the other queues use the team-wide one.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-queue-sla-'));
    const config = path.join(dir, 'baton.config.yaml');
    writeFileSync(config, `routing:\n  queueSlaSeconds:\n    billing: ${BILLING_SLA_SECONDS}\n`);
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_SLA_SECONDS: String(SLA_SECONDS),
        BATON_CONFIG: config,
        BATON_METRICS_TOKEN: METRICS_TOKEN,
      },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const token = (email: string) => login(s.baseUrl, email, s.demoAgent.password);
  const idOf = async (t: string) =>
    (await api(s.baseUrl, 'GET', '/api/v1/me', { token: t })).body.agent.id as string;
  async function connect(t: string) {
    const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(t));
    sockets.push(socket);
    // Opening the inbox marks the agent online in the store a moment after the socket opens.
    const id = await idOf(t);
    await until(async () =>
      (await s.server.store.agents.get(id))?.presence === 'online' ? true : undefined,
    );
    return socket;
  }
  async function handOff(text: string, customer: Record<string, unknown> = {}) {
    const c = await startConversation(s.baseUrl, { customer });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    return c;
  }
  const get = async (id: string) => (await s.server.store.conversations.get(id))!;
  const events = (id: string) => s.server.store.conversations.eventsSince(id, 0);
  const post = (t: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token: t, body });

  it.skipIf(database.skipReason)(
    'overflows a breached billing conversation to general; sales keeps waiting',
    async () => {
      // Five and a half minutes before a midnight (UTC): the first breaches fall on one day, the
      // second on the next, and the alert still counts both.
      const now = Date.now();
      const midnight = new Date(now + 400_000).setUTCHours(24, 0, 0, 0);
      offsetMs = midnight - 330_000 - now;
      // Nobody has the inbox open: nothing is offered, both wait past their SLA.
      const billing = await handOff('I was charged €650 twice for order 77120, please fix this');
      const sales = await handOff(
        'We need a quote for 300 units for our offices, can sales call me?',
      );
      expect((await get(billing.id)).queue).toBe('billing');
      expect((await get(sales.id)).queue).toBe('sales');
      const priorityBefore = (await get(billing.id)).priority!;
      // The SLA clock runs at each queue's own target from the handoff.
      const dueAfter = async (id: string) => {
        const [timer] = await s.server.store.timers.pendingFor(id);
        return (Date.parse(timer!.dueAt) - Date.parse((await get(id)).handedOverAt!)) / 1000;
      };
      await until(async () =>
        (await dueAfter(billing.id)) === BILLING_SLA_SECONDS ? true : undefined,
      );
      expect(await dueAfter(sales.id)).toBe(SLA_SECONDS);

      offsetMs += (SLA_SECONDS + 1) * 1000;
      const overflowed = await until(async () =>
        (await events(billing.id)).find((e) => e.type === 'conversation.overflowed'),
      );
      expect(overflowed.data).toMatchObject({ fromQueue: 'billing', toQueue: 'general' });
      const moved = await get(billing.id);
      expect(moved).toMatchObject({ status: 'queued', queue: 'general' });
      // Bounded bump (routing.deadEnds: step 15, ceiling 90): never past the ceiling.
      expect(moved.priority).toBe(bumpPriority(priorityBefore, { step: 15, ceiling: 90 }));
      const told = (await events(billing.id)).filter((e) => e.data.kind === 'overflowed');
      expect(told).toHaveLength(1);
      expect(told[0]!.data.text).toMatch(/Nobody from Billing .* moved to Support/);
      // Its place in the new line, as the line stands (not "you keep your place").
      expect(told[0]!.data.text).toMatch(/You are number 1 in their line/);
      // Re-armed in the new queue, remembering where it came from.
      const [timer] = await s.server.store.timers.pendingFor(billing.id);
      expect(timer).toMatchObject({ kind: 'sla.first_response', data: { stage: 1 } });
      expect(moved.lifecycle.overflowedFrom).toEqual(['billing']);
      expect(Date.parse(timer!.dueAt) - (Date.now() + offsetMs)).toBeGreaterThan(
        (SLA_SECONDS - 5) * 1000,
      );

      await until(
        async () =>
          (await events(sales.id)).some((e) => e.type === 'conversation.sla_breached') || undefined,
      );
      expect(await get(sales.id)).toMatchObject({ status: 'queued', queue: 'sales' });
      expect((await events(sales.id)).some((e) => e.type === 'conversation.overflowed')).toBe(
        false,
      );

      // A second breach: general has no fallback, so it stays, bumped again, never back to billing.
      offsetMs += (SLA_SECONDS + 1) * 1000;
      await until(async () =>
        (await events(billing.id)).filter((e) => e.type === 'conversation.sla_breached').length ===
        2
          ? true
          : undefined,
      );
      expect((await get(billing.id)).queue).toBe('general');
      expect(
        (await events(billing.id)).filter((e) => e.type === 'conversation.overflowed'),
      ).toHaveLength(1);
      expect(await s.server.store.timers.deadEnds()).toEqual([]);
      const scrape = await (
        await fetch(`${s.baseUrl}/metrics`, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        })
      ).text();
      expect(scrape).toMatch(/baton_overflows_total\{from="billing",to="general"\} 1\n/);
      // Each breach counts in the queue it happened in.
      expect(scrape).toMatch(/baton_sla_breaches_total\{queue="billing"\} 1\n/);
      expect(scrape).toMatch(/baton_sla_breaches_total\{queue="general"\} 1\n/);

      // The supervisor sees both as alerts, and the queues' breach counts.
      const riley = await token('riley@example.com');
      const overview = await api(s.baseUrl, 'GET', '/api/v1/supervisor/overview', { token: riley });
      expect(overview.status).toBe(200);
      const alertIds = overview.body.alerts.map((a: any) => a.conversationId);
      expect(alertIds).toEqual(expect.arrayContaining([billing.id, sales.id]));
      const billingAlert = overview.body.alerts.find((a: any) => a.conversationId === billing.id);
      expect(billingAlert).toMatchObject({ queue: 'general', breaches: 2, status: 'queued' });
      const general = overview.body.queues.find((q: any) => q.id === 'general');
      expect(general.slaBreachesToday).toBeGreaterThanOrEqual(1);
      expect(general.waiting).toBeGreaterThanOrEqual(1);
      expect(general.estimatedWait).toBeNull(); // nobody online: no promise
      const salesQueue = overview.body.queues.find((q: any) => q.id === 'sales');
      expect(salesQueue.longestWaitSeconds).toBeGreaterThanOrEqual(2 * SLA_SECONDS);

      // Clean up for the next tests: the supervisor closes neither; they stay as waiting load.
      const alex = await token('alex@example.com');
      expect(
        (await api(s.baseUrl, 'GET', '/api/v1/supervisor/overview', { token: alex })).status,
      ).toBe(403);
    },
  );

  it.skipIf(database.skipReason)(
    'transfers to a named agent only when they are there, with the note travelling',
    async () => {
      const alex = await token('alex@example.com');
      const sam = await token('sam@example.com');
      const samId = await idOf(sam);
      const c = await handOff('I want to talk to a human about my invoice', {
        name: 'Nora',
      });
      expect((await post(alex, `/api/v1/conversations/${c.id}/claim`)).status).toBe(200);
      const before = (await get(c.id)).lastSeq;

      // Sam is logged in but has no inbox open: refused, nothing changes.
      const refused = await post(alex, `/api/v1/conversations/${c.id}/transfer`, {
        agentId: samId,
        note: 'needs a refund',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('AGENT_UNAVAILABLE');
      expect((await get(c.id)).lastSeq).toBe(before);
      const unknown = await post(alex, `/api/v1/conversations/${c.id}/transfer`, {
        agentId: 'a_nobody',
      });
      expect(unknown.body.error.code).toBe('AGENT_NOT_FOUND');
      const both = await post(alex, `/api/v1/conversations/${c.id}/transfer`, {
        agentId: samId,
        queue: 'billing',
      });
      expect(both.status).toBe(400);
      const badQueue = await post(alex, `/api/v1/conversations/${c.id}/transfer`, {
        queue: 'nope',
      });
      expect(badQueue.body.error.message).toMatch(/Unknown queue "nope"/);

      await connect(sam);
      const moved = await post(alex, `/api/v1/conversations/${c.id}/transfer`, {
        agentId: samId,
        note: 'needs a refund',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.conversation.status).toBe('offered');
      const transferred = moved.body.events.find((e: any) => e.type === 'conversation.transferred');
      expect(transferred.data).toMatchObject({
        toAgentId: samId,
        toAgentName: 'Sam',
        note: 'needs a refund',
      });
      expect((await get(c.id)).offeredTo).toBe(samId);
      expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind).sort()).toEqual([
        'offer.expire',
        'sla.first_response',
      ]);
      const claimed = await post(sam, `/api/v1/conversations/${c.id}/claim`);
      expect(claimed.body.conversation).toMatchObject({
        status: 'assigned',
        assignee: { id: samId },
      });
      // The note is for the team; the customer sees who takes over, not the note.
      const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      expect(JSON.stringify(seen.body.events)).not.toContain('needs a refund');
      expect(JSON.stringify(seen.body.events)).toContain("I'm passing you to Sam");
    },
  );

  it.skipIf(database.skipReason)(
    'lets a supervisor reassign to a queue or a named agent, recorded with who and why',
    async () => {
      const riley = await token('riley@example.com');
      const alex = await token('alex@example.com');
      const alexId = await idOf(alex);
      const c = await handOff('I want to talk to a human about my invoice');
      const path = `/api/v1/supervisor/conversations/${c.id}/reassign`;
      expect((await post(alex, path, { queue: 'technical' })).status).toBe(403);

      // Sales is pull-only with no fallback: it waits there (Sam, online, is not offered it).
      const toQueue = await post(riley, path, { queue: 'sales', reason: 'asks for a quote' });
      expect(toQueue.status).toBe(200);
      expect(toQueue.body.conversation).toMatchObject({ status: 'queued', queue: 'sales' });
      const recorded = toQueue.body.events.find((e: any) => e.type === 'conversation.reassigned');
      expect(recorded.actor).toMatchObject({ type: 'agent', name: 'Riley' });
      expect(recorded.data).toMatchObject({
        fromQueue: 'billing',
        toQueue: 'sales',
        reason: 'asks for a quote',
      });
      expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual([
        'sla.first_response',
      ]);

      // Alex's inbox is closed: refused, nothing changes.
      const refused = await post(riley, path, { agentId: alexId });
      expect(refused.body.error.code).toBe('AGENT_UNAVAILABLE');
      expect(await get(c.id)).toMatchObject({ status: 'queued', queue: 'sales' });

      await connect(alex);
      const toAgent = await post(riley, path, { agentId: alexId, reason: 'knows this customer' });
      expect(toAgent.status).toBe(200);
      expect(toAgent.body.conversation).toMatchObject({
        status: 'assigned',
        assignee: { id: alexId },
      });
      expect(toAgent.body.events.map((e: any) => e.type)).toEqual([
        'conversation.reassigned',
        'conversation.assigned',
        'message.created',
      ]);
      // Assigned: the customer waits on Alex's first reply, with its deadline.
      expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual([
        'agent.reply_due',
      ]);
      const overview = await api(s.baseUrl, 'GET', '/api/v1/supervisor/overview', { token: riley });
      const row = overview.body.agents.find((a: any) => a.id === alexId);
      expect(row).toMatchObject({ connected: true, presence: 'online' });
      expect(row.conversations.map((x: any) => x.id)).toContain(c.id);
      expect(row.load).toBe(row.conversations.length);

      await post(alex, `/api/v1/conversations/${c.id}/resolve`);
      const closed = await post(riley, path, { queue: 'general' });
      expect(closed.body.error.code).toBe('CONVERSATION_CLOSED');
    },
  );
});
