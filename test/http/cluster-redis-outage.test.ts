/**
 * Redis dies under two live nodes (one PostgreSQL): health says `degraded` (JSON and
 * /metrics), an agent on node B and a customer on node A keep talking (the changes travel
 * through PostgreSQL NOTIFY), presence on either node still counts the agent on the other,
 * and when Redis is started again on the same port both nodes resubscribe and report `ok`.
 * The Redis is the test's own `redis-server` process (killed with SIGKILL, frozen with
 * SIGSTOP), not the shared one other tests use. Only the test of one node that alone loses
 * Redis puts a TCP proxy between a third node and it: stopping the server cuts every node.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import {
  PRIVATE_REDIS_SKIP_REASON,
  startPrivateRedis,
  type PrivateRedis,
} from '../helpers/cluster/private-redis.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

/** /metrics is closed unless a scrape token is set. */
const METRICS_TOKEN = 'outage-scrape-token-0123456789';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const skip = PRIVATE_REDIS_SKIP_REASON ?? postgres?.skipReason ?? null;
const isEvent = (match: (e: any) => boolean) => (f: any) => f.type === 'event' && match(f.event);
const HEARTBEAT_MS = 300;

describe.skipIf(skip)('two nodes while Redis is down', () => {
  let db: OpenedTestStore;
  let redis: PrivateRedis;
  let a: TestServer;
  let b: TestServer;
  // Started by the test of one node alone losing Redis.
  let c: TestServer | undefined;
  let proxy: TcpProxy | undefined;
  const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
  const env = (redisUrl: string) => ({
    REDIS_URL: redisUrl,
    BATON_REDIS_PREFIX: prefix,
    BATON_REDIS_HEARTBEAT_MS: String(HEARTBEAT_MS),
    BATON_METRICS_TOKEN: METRICS_TOKEN,
  });
  const database = () => ({ url: db.url, ...(db.schema ? { schema: db.schema } : {}) });
  beforeAll(async () => {
    db = await postgres!.open();
    redis = await startPrivateRedis();
    a = await startTestServer({ database: database(), env: env(redis.url) });
    b = await startTestServer({ database: database(), env: env(redis.url) });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await c?.close();
    await proxy?.close();
    await redis?.close();
    await db?.cleanup();
  });

  const health = async (node: TestServer) => (await api(node.baseUrl, 'GET', '/healthz')).body;
  const redisGauge = async (node: TestServer) => {
    const text = await (
      await fetch(`${node.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    return /^baton_dependency_up\{dependency="redis"\} (\d)$/m.exec(text)?.[1];
  };

  it('keeps an agent on B and a customer on A talking, and reports degraded, then ok', async () => {
    const ok = await until(async () => {
      const h = await health(a);
      return h.status === 'ok' ? h : undefined;
    });
    expect(ok.dependencies).toEqual([
      { name: 'redis', status: 'up', since: expect.any(String) },
      { name: 'postgres-notify', status: 'up', since: expect.any(String) },
    ]);
    const token = await login(b.baseUrl, b.demoAgent.email, b.demoAgent.password);
    const agent = await openSocket(`${b.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    const seenOnA = async (email: string) =>
      (await api(a.baseUrl, 'GET', '/api/v1/agents', { token })).body.agents.find(
        (x: any) => x.email === email,
      ).connected as boolean;
    const agentSeenOnA = () => seenOnA(b.demoAgent.email);
    await until(async () => ((await agentSeenOnA()) ? true : undefined));

    const c = await startConversation(a.baseUrl, { customer: { name: 'Sarah' } });
    const customer = await openSocket(
      `${a.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
      tokenProtocols(c.token),
    );
    customer.send({ type: 'action', action: 'request_human', clientMessageId: 'h1' });
    await agent.waitFor((f) => f.type === 'conversation' && f.conversation.id === c.id);
    const claim = await api(b.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token });
    expect(claim.status).toBe(200);
    assigned.push(c.id);
    agent.send({ type: 'subscribe', conversationId: c.id, since: 0 });
    await customer.waitFor(isEvent((e) => e.type === 'conversation.assigned'));
    await agent.waitFor(isEvent((e) => e.type === 'conversation.assigned'));
    // Sam has the inbox open on B too, and closes it during the outage.
    const samToken = await login(b.baseUrl, 'sam@example.com', b.demoAgent.password);
    const sam = await openSocket(`${b.wsUrl}/api/v1/agent/stream`, tokenProtocols(samToken));
    await until(async () => ((await seenOnA('sam@example.com')) ? true : undefined));

    // Committed, then the publish is lost with the link: only the resync on link loss
    // (each node reads its sockets' backlog from the database) can bring it.
    await commitUnpublished(a, c.id, 'in flight when Redis went away');

    const cutAt = Date.now();
    await redis.kill();
    for (const node of [a, b]) {
      const degraded = await until(async () => {
        const h = await health(node);
        return h.status === 'degraded' ? h : undefined;
      });
      // The fallback's listener still hears: the nodes talk through PostgreSQL.
      expect(degraded.dependencies).toEqual([
        { name: 'redis', status: 'down', since: expect.any(String) },
        { name: 'postgres-notify', status: 'up', since: expect.any(String) },
      ]);
      expect(Date.parse(degraded.dependencies[0].since)).toBeGreaterThanOrEqual(cutAt - 1000);
      expect(await redisGauge(node)).toBe('0');
    }

    for (const socket of [agent, customer])
      await socket.waitFor(isEvent((e) => e.data.text === 'in flight when Redis went away'));
    // Both ways across the nodes, with Redis gone; typing too.
    agent.send({ type: 'typing', conversationId: c.id });
    expect(await customer.waitFor((f) => f.type === 'typing')).toMatchObject({ by: 'agent' });
    await exchange(agent, customer, c.id, 'during the outage');
    // Well past three heartbeats: the agent on B is still counted on A, so a new customer on
    // A is not told that nobody is available.
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 5));
    expect(await agentSeenOnA()).toBe(true);
    // …and one who leaves stops counting, Redis or not.
    await sam.close();
    await until(async () => ((await seenOnA('sam@example.com')) ? undefined : true));
    const other = await startConversation(a.baseUrl, { customer: { name: 'Omar' } });
    const asked = await api(a.baseUrl, 'POST', `/api/v1/conversations/${other.id}/messages`, {
      token: other.token,
      body: { action: 'request_human', clientMessageId: 'o1' },
    });
    const said = asked.body.events.find((e: any) => e.data.kind === 'handoff');
    expect(said.data.text).not.toMatch(/Nobody/);
    // The agent's inbox on B hears of it without Redis too.
    await agent.waitFor((f) => f.type === 'conversation' && f.conversation.id === other.id);

    // Lost again, now at the return: the resync when the link comes back brings it, and
    // the inbox list is sent again.
    await commitUnpublished(a, c.id, 'in flight when Redis came back');
    const framesOfOther = () =>
      agent.frames.filter((f) => f.type === 'conversation' && f.conversation.id === other.id)
        .length;
    const before = framesOfOther();
    await redis.start();
    for (const node of [a, b]) {
      await until(async () => ((await health(node)).status === 'ok' ? true : undefined), 15_000);
      expect(await redisGauge(node)).toBe('1');
    }
    for (const socket of [agent, customer])
      await socket.waitFor(isEvent((e) => e.data.text === 'in flight when Redis came back'));
    await until(() => (framesOfOther() > before ? true : undefined));
    await exchange(agent, customer, c.id, 'after Redis returned');

    // Every seq once and in order on both sockets, across the outage and the return.
    for (const socket of [customer, agent]) {
      const seqs = socket.frames
        .filter((f) => f.type === 'event' && f.event.conversationId === c.id)
        .map((f) => f.event.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    await agent.close();
    await customer.close();
  });

  /** A customer on A handed over to Alex, who took it in the inbox on B. */
  // Each test's conversation stays with the demo agent; resolving it keeps the next claim
  // within the agent's capacity.
  const assigned: string[] = [];
  async function customerOnAWithAgentOnB(name: string, agentNode: TestServer = b) {
    const token = await login(agentNode.baseUrl, b.demoAgent.email, b.demoAgent.password);
    for (const id of assigned.splice(0))
      await api(agentNode.baseUrl, 'POST', `/api/v1/conversations/${id}/resolve`, {
        token,
        body: { resolved: true, botCouldHaveHandled: false },
      });
    const agent = await openSocket(`${agentNode.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    const c = await startConversation(a.baseUrl, { customer: { name } });
    const customer = await openSocket(
      `${a.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
      tokenProtocols(c.token),
    );
    customer.send({ type: 'action', action: 'request_human', clientMessageId: 'h1' });
    await agent.waitFor((f) => f.type === 'conversation' && f.conversation.id === c.id);
    const claim = await api(agentNode.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token,
    });
    expect(claim.status).toBe(200);
    assigned.push(c.id);
    agent.send({ type: 'subscribe', conversationId: c.id, since: 0 });
    await agent.waitFor(isEvent((e) => e.type === 'conversation.assigned'));
    return { agent, customer, c };
  }

  // A stopped server cuts every node at once, so here a third node reaches Redis through a
  // TCP proxy, and only its link is cut.
  it('bridges one node that alone lost Redis, while the other still has it', async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
    c = await startTestServer({
      database: database(),
      env: env(`redis://127.0.0.1:${proxy.port}`),
    });
    const cut = c;
    const { agent, customer, c: chat } = await customerOnAWithAgentOnB('Noor', cut);
    proxy.cut();
    await until(async () => ((await health(cut)).status === 'degraded' ? true : undefined));
    await until(async () => ((await health(a)).status === 'ok' ? true : undefined));
    // A still publishes on Redis, which C no longer hears: C takes it from PostgreSQL;
    // C cannot publish on Redis: A takes C's changes from PostgreSQL.
    await exchange(agent, customer, chat.id, 'with C cut off alone');
    proxy.restore();
    await until(async () => ((await health(cut)).status === 'ok' ? true : undefined), 15_000);
    await exchange(agent, customer, chat.id, 'with C back');
    await agent.close();
    await customer.close();
  });

  it('notices a Redis that hangs without closing, and recovers when it answers again', async () => {
    const { agent, customer, c } = await customerOnAWithAgentOnB('Lena');

    // The process is stopped (SIGSTOP): the connections stay open, but nothing comes back,
    // and the missing PING answers tell.
    redis.freeze();
    for (const node of [a, b])
      await until(async () => ((await health(node)).status === 'degraded' ? true : undefined));
    await exchange(agent, customer, c.id, 'while Redis hangs');
    redis.thaw();
    for (const node of [a, b])
      await until(async () => ((await health(node)).status === 'ok' ? true : undefined), 15_000);
    await exchange(agent, customer, c.id, 'once Redis answers again');
    await agent.close();
    await customer.close();
  });
});

/** A note stored without being published: as if the bus lost it. */
async function commitUnpublished(node: TestServer, id: string, text: string) {
  const result = await node.server.store.conversations.commit({
    conversationId: id,
    events: [
      { type: 'message.created', actor: { type: 'system' }, data: { from: 'system', text } },
    ],
    now: new Date(),
  });
  expect(result.ok).toBe(true);
}

async function exchange(agent: TestSocket, customer: TestSocket, id: string, when: string) {
  const tag = randomBytes(3).toString('hex');
  agent.send({
    type: 'message',
    conversationId: id,
    text: `Agent ${when}`,
    clientMessageId: `a${tag}`,
  });
  const reply = await customer.waitFor(isEvent((e) => e.data.clientMessageId === `a${tag}`));
  expect(reply.event.data.text).toBe(`Agent ${when}`);
  customer.send({ type: 'message', text: `Customer ${when}`, clientMessageId: `c${tag}` });
  const heard = await agent.waitFor(isEvent((e) => e.data.clientMessageId === `c${tag}`));
  expect(heard.event.data.text).toBe(`Customer ${when}`);
}
