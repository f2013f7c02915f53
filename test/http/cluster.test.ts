/**
 * Two Baton nodes on one PostgreSQL and one Redis: a customer on one node and an agent on
 * the other see each other live, routing on either node counts the agent whose inbox is open
 * on the other, and side effects stay with the node that committed the change.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationChange } from '../../src/bus/event-bus.ts';
import { createRedisBus } from '../../src/bus/redis-bus.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const skip = REDIS_SKIP_REASON ?? postgres?.skipReason ?? null;
const isEvent = (match: (e: any) => boolean) => (f: any) => f.type === 'event' && match(f.event);
const prefix = () => `baton-test-${randomBytes(4).toString('hex')}`;

describe.skipIf(skip)('two nodes, one PostgreSQL, one Redis', () => {
  let db: OpenedTestStore;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    db = await postgres!.open();
    const env = { REDIS_URL, BATON_REDIS_PREFIX: prefix() };
    const database = { url: db.url, ...(db.schema ? { schema: db.schema } : {}) };
    a = await startTestServer({ database, env });
    b = await startTestServer({ database, env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.cleanup();
  });

  it('carries a conversation between a customer on A and an agent on B', async () => {
    const agentToken = await login(b.baseUrl, b.demoAgent.email, b.demoAgent.password);
    const agent = await openSocket(`${b.wsUrl}/api/v1/agent/stream`, tokenProtocols(agentToken));
    const onA = async () =>
      (await api(a.baseUrl, 'GET', '/api/v1/agents', { token: agentToken })).body.agents.find(
        (x: any) => x.email === b.demoAgent.email,
      );
    // Node A learns that Alex has the inbox open on node B.
    await until(async () => ((await onA()).connected ? true : undefined));

    const c = await startConversation(a.baseUrl, { customer: { name: 'Sarah' } });
    const customer = await openSocket(
      `${a.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
      tokenProtocols(c.token),
    );
    customer.send({ type: 'action', action: 'request_human', clientMessageId: 'h1' });
    const announced = await agent.waitFor(
      (f) => f.type === 'conversation' && f.conversation.id === c.id,
    );
    expect(['queued', 'offered']).toContain(announced.conversation.status);
    // The honest wait message on A counts the agent on B: no "nobody is available".
    const said = await customer.waitFor(isEvent((e) => e.data.kind === 'handoff'));
    expect(said.event.data.text).not.toMatch(/Nobody/);

    const claim = await api(b.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: agentToken,
    });
    expect(claim.status).toBe(200);
    await customer.waitFor(isEvent((e) => e.type === 'conversation.assigned'));

    agent.send({ type: 'subscribe', conversationId: c.id, since: 0 });
    // Typing crosses nodes too (Redis signals): Alex types on B, Sarah sees it on A.
    await agent.waitFor(isEvent((e) => e.conversationId === c.id));
    agent.send({ type: 'typing', conversationId: c.id });
    expect(await customer.waitFor((f) => f.type === 'typing')).toMatchObject({
      by: 'agent',
      active: true,
    });
    agent.send({
      type: 'message',
      conversationId: c.id,
      text: 'Hi Sarah, Alex here.',
      clientMessageId: 'r1',
    });
    const reply = await customer.waitFor(isEvent((e) => e.data.from === 'agent'));
    expect(reply.event.data.text).toBe('Hi Sarah, Alex here.');

    customer.send({ type: 'message', text: 'Thanks Alex', clientMessageId: 'q1' });
    const heard = await agent.waitFor(isEvent((e) => e.data.clientMessageId === 'q1'));
    expect(heard.event.data.text).toBe('Thanks Alex');

    // Each socket saw every seq once and in order, although the events came from two nodes.
    for (const socket of [customer, agent]) {
      const seqs = socket.frames
        .filter((f) => f.type === 'event' && f.event.conversationId === c.id)
        .map((f) => f.event.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }

    await agent.close();
    // Closing the inbox on B is seen on A too.
    await until(async () => ((await onA()).connected ? undefined : true));
    await customer.close();
  });

  it('a log-out on A closes that session’s inbox socket on B at once', async () => {
    const token = await login(a.baseUrl, 'sam@example.com', a.demoAgent.password);
    const inbox = await openSocket(`${b.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    let code: number | undefined;
    inbox.ws.once('close', (c) => (code = c));
    expect((await api(a.baseUrl, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    // B's own session check runs every 30 s: closing within 10 s is the bus carrying the log-out.
    expect(await until(() => code, 10_000)).toBe(4401);
  });

  it('shows an agent online on A only while their inbox is open on B', async () => {
    const token = await login(a.baseUrl, 'riley@example.com', a.demoAgent.password);
    const setOnA = async () =>
      (await api(a.baseUrl, 'PUT', '/api/v1/me/presence', { token, body: { presence: 'online' } }))
        .body;
    const onA = async () =>
      (await api(a.baseUrl, 'GET', '/api/v1/agents', { token })).body.agents.find(
        (x: any) => x.email === 'riley@example.com',
      );
    // No inbox anywhere: the choice is answered, not stored, as offline.
    expect(await setOnA()).toMatchObject({ agent: { presence: 'offline' }, inboxOpen: false });
    const inbox = await openSocket(`${b.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    await inbox.waitFor((f) => f.type === 'presence' && f.presence === 'online');
    await until(async () => ((await onA()).connected ? true : undefined));
    expect(await onA()).toMatchObject({ presence: 'online', connected: true });
    expect(await setOnA()).toMatchObject({ agent: { presence: 'online' }, inboxOpen: true });
    await inbox.close();
    const gone = await until(async () => {
      const riley = await onA();
      return riley.connected ? undefined : riley;
    });
    expect(gone.presence).toBe('offline');
  });
});

describe.skipIf(REDIS_SKIP_REASON)('Redis bus', () => {
  it('gives other nodes’ changes only to listeners that asked for all nodes', async () => {
    const channelPrefix = prefix();
    const errors: unknown[] = [];
    const one = await createRedisBus({
      url: REDIS_URL,
      prefix: channelPrefix,
      onError: (e) => errors.push(e),
    });
    const two = await createRedisBus({
      url: REDIS_URL,
      prefix: channelPrefix,
      onError: (e) => errors.push(e),
    });
    try {
      const local: ConversationChange[] = [];
      const everywhere: ConversationChange[] = [];
      two.subscribe((change) => local.push(change));
      two.subscribe((change) => everywhere.push(change), { allNodes: true });
      const change = {
        conversation: { id: 'c_1', lastSeq: 1 },
        events: [{ conversationId: 'c_1', seq: 1, type: 'message.created', data: { text: 'hi' } }],
      } as unknown as ConversationChange;
      one.publish(change);
      await until(() => (everywhere.length > 0 ? true : undefined));
      expect(everywhere[0]).toEqual(change);
      // The committing node's own listeners had it at once; nobody else's local ones.
      two.publish({ ...change, conversation: { ...change.conversation, id: 'c_2' } });
      expect(local.map((c) => c.conversation.id)).toEqual(['c_2']);

      one.cluster?.announce({ agents: ['a_1'], customers: ['c_1'] });
      await until(() => (two.cluster?.hasAgent('a_1') ? true : undefined));
      expect(two.cluster?.hasCustomer('c_1')).toBe(true);
      expect(one.cluster?.hasAgent('a_1')).toBe(false); // its own sockets are the hub's business
      await one.close();
      await until(() => (two.cluster?.hasAgent('a_1') ? undefined : true));
      expect(errors).toEqual([]);
    } finally {
      await two.close();
    }
  });
});
