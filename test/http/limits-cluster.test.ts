/**
 * The limits two nodes share through Redis (docs/security.md, "Limits"): the per-account
 * login lockout, a conversation's message rate and the per-address HTTP rate limit count the
 * attempts made on either node together, and a conversation's open sockets count on both.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { openSocket, refusedStatus, tokenProtocols } from '../helpers/socket-client.ts';
import { until } from '../helpers/until.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const skip = REDIS_SKIP_REASON ?? postgres?.skipReason ?? null;

describe.skipIf(skip)('limits shared by two nodes through Redis', () => {
  let db: OpenedTestStore;
  let a: TestServer;
  let b: TestServer;
  const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    db = await postgres!.open();
    const env = {
      REDIS_URL,
      BATON_REDIS_PREFIX: prefix,
      BATON_LOGIN_FAILURES: '3',
      BATON_CONVERSATION_MESSAGES: '2',
      BATON_RATE_LIMIT_PER_MINUTE: '4',
      BATON_SOCKETS_PER_CONVERSATION: '2',
      BATON_SOCKET_COUNT_SECONDS: '7',
    };
    const database = { url: db.url, ...(db.schema ? { schema: db.schema } : {}) };
    a = await startTestServer({ database, env });
    b = await startTestServer({ database, env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.cleanup();
  });

  const logIn = (node: TestServer, password: string) =>
    api(node.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: node.demoAgent.email, password },
    });

  it('locks an account on both nodes after wrong passwords spread over them', async () => {
    expect((await logIn(a, 'wrong')).status).toBe(401);
    expect((await logIn(b, 'wrong')).status).toBe(401);
    expect((await logIn(a, 'wrong')).status).toBe(401);
    const locked = await logIn(b, b.demoAgent.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'LOGIN_LOCKED', retryAfter: 60 });
    expect((await logIn(a, a.demoAgent.password)).body.error.code).toBe('LOGIN_LOCKED');
    // Redis holds the account's counts under hashes, never the address itself.
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = await redis.keys(`${prefix}:limit:login*`);
    await redis.close();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('example.com');
  });

  it('counts a conversation messages sent to either node together', async () => {
    const c = await startConversation(a.baseUrl);
    const post = (node: TestServer, text: string) =>
      api(node.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text, clientMessageId: text },
      });
    expect((await post(a, 'one')).status).toBe(201);
    expect((await post(b, 'two')).status).toBe(201);
    const refused = await post(a, 'three');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toMatch(/Too many messages in this conversation/);
  });

  it('counts a conversation open sockets on both nodes together', async () => {
    const c = await startConversation(b.baseUrl);
    const stream = (node: TestServer) => `${node.wsUrl}/api/v1/conversations/${c.id}/stream`;
    const onA = await openSocket(stream(a), tokenProtocols(c.token));
    const onB = await openSocket(stream(b), tokenProtocols(c.token));
    expect(await refusedStatus(stream(a), tokenProtocols(c.token))).toBe(429);
    const refused = await api(b.baseUrl, 'GET', `/api/v1/conversations/${c.id}/stream`, {
      token: c.token,
    });
    expect(refused.body.error.code).toBe('TOO_MANY_SOCKETS');
    // Each node's counts live in its own hash, which expires unless the node refreshes it.
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const hashes = await redis.keys(`${prefix}:limit:sockets:customer:node:*`);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) {
      expect(await redis.hGet(hash, `conversation:${c.id}`)).toBe('1');
      const ttl = await redis.pTTL(hash);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(7000);
    }
    await redis.close();
    // A socket closed on a gives its place back to b.
    await onA.close();
    const again = await until(() =>
      openSocket(stream(b), tokenProtocols(c.token)).catch(() => undefined),
    );
    expect(await refusedStatus(stream(a), tokenProtocols(c.token))).toBe(429);
    await again.close();
    await onB.close();
  });

  it('counts one address requests on either node together', async () => {
    // Two conversations started above; two more across the nodes reach the 4 a minute.
    const statuses: number[] = [];
    for (const node of [b, a, b]) {
      statuses.push(
        (await api(node.baseUrl, 'POST', '/api/v1/conversations', { body: {} })).status,
      );
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});
