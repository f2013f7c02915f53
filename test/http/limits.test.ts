/**
 * The limits on every door (docs/security.md, "Limits") over real sockets on one node: the
 * message rate per conversation on the socket and on HTTP, the refused frame's error naming
 * what it refused, the 1008 close of a flooding socket with /healthz answering throughout and
 * nothing accepted lost, open sockets per conversation, address and agent session, and the
 * per-account login lockout with its growing backoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { api, login, startConversation } from '../helpers/api-client.ts';
import {
  openSocket,
  refusedStatus,
  type TestSocket,
  tokenProtocols,
} from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const customerStream = (s: TestServer, c: { id: string; token: string }) =>
  `${s.wsUrl}/api/v1/conversations/${c.id}/stream`;

/** The customer's messages the store holds, by text. */
async function storedCustomerTexts(s: TestServer, id: string): Promise<string[]> {
  const events = await s.server.store.conversations.eventsSince(id, 0);
  return events
    .filter((e) => e.type === 'message.created' && e.data['from'] === 'customer')
    .map((e) => String(e.data['text']));
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
}

describe.each(TEST_DATABASES)('limits with the defaults ($name)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: { BATON_RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'keeps /healthz answering while one socket floods 2,000 frames, and closes it with 1008; stored equals acked',
    async () => {
      const c = await startConversation(s.baseUrl);
      const flooder = await openSocket(customerStream(s, c), tokenProtocols(c.token));
      const closing = closed(flooder.ws);
      const ids = Array.from({ length: 2000 }, (_, i) => `f${i}`);
      for (const id of ids) flooder.send({ type: 'message', text: id, clientMessageId: id });

      // Health asked 20 times, one after the other, while the server works through the flood.
      let healthy = 0;
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`${s.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) }).catch(
          () => undefined,
        );
        if (r?.status === 200) healthy++;
      }
      expect(healthy).toBe(20);

      const close = await closing;
      expect(close.code).toBe(1008);
      expect(close.reason).toBe('too many frames refused');
      const acked = flooder.frames.filter((f) => f.type === 'ack').map((f) => f.clientMessageId);
      const refused = flooder.frames.filter((f) => f.type === 'error');
      // The defaults: 10 messages per conversation per 10 s, 20 refusals close the socket.
      expect(acked).toHaveLength(10);
      expect(refused).toHaveLength(20);
      for (const f of refused) {
        expect(f.error.code).toBe('RATE_LIMITED');
        expect(f.error.retryAfterMs).toBeGreaterThan(0);
        expect(ids).toContain(f.clientMessageId);
        expect(acked).not.toContain(f.clientMessageId);
      }
      // Nothing accepted lost, nothing refused stored.
      expect((await storedCustomerTexts(s, c.id)).sort()).toEqual([...acked].sort());
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'refuses the 31st frame of any kind within 10 s on one socket',
    async () => {
      const c = await startConversation(s.baseUrl);
      const socket = await openSocket(customerStream(s, c), tokenProtocols(c.token));
      for (let i = 0; i < 31; i++) socket.send({ type: 'typing', active: i % 2 === 0 });
      socket.send({ type: 'message', text: 'late', clientMessageId: 'late' });
      await socket.waitFor((f) => f.type === 'error' && f.clientMessageId === 'late');
      const errors = socket.frames.filter((f) => f.type === 'error');
      // The 31st (a typing frame, nothing to name) and the message after it.
      expect(errors).toHaveLength(2);
      expect(errors[0]).toEqual({
        type: 'error',
        error: expect.objectContaining({ code: 'RATE_LIMITED' }),
      });
      expect(await storedCustomerTexts(s, c.id)).toEqual([]);
      await socket.close();
    },
  );

  it.skipIf(database.skipReason)(
    'counts HTTP and socket messages of a conversation together, and refuses with Retry-After',
    async () => {
      const c = await startConversation(s.baseUrl);
      const socket = await openSocket(customerStream(s, c), tokenProtocols(c.token));
      for (let i = 0; i < 6; i++)
        socket.send({ type: 'message', text: `s${i}`, clientMessageId: `s${i}` });
      await socket.waitFor((f) => f.type === 'ack' && f.clientMessageId === 's5');
      for (let i = 0; i < 4; i++) {
        const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
          token: c.token,
          body: { text: `h${i}`, clientMessageId: `h${i}` },
        });
        expect(r.status).toBe(201);
      }
      const refused = await fetch(`${s.baseUrl}/api/v1/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'h4', clientMessageId: 'h4' }),
      });
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as any;
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.retryAfter).toBeGreaterThanOrEqual(1);
      expect(body.error.retryAfter).toBeLessThanOrEqual(10);
      expect(refused.headers.get('retry-after')).toBe(String(body.error.retryAfter));
      socket.send({ type: 'message', text: 's6', clientMessageId: 's6' });
      const error = await socket.waitFor((f) => f.type === 'error');
      expect(error).toMatchObject({ clientMessageId: 's6', error: { code: 'RATE_LIMITED' } });
      expect(await storedCustomerTexts(s, c.id)).not.toContain('h4');
      expect(await storedCustomerTexts(s, c.id)).not.toContain('s6');
      await socket.close();
    },
  );

  it.skipIf(database.skipReason)(
    'refuses an agent past the message rate of one conversation, socket and HTTP, apart from the customer',
    async () => {
      const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const c = await startConversation(s.baseUrl);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token });
      expect(claim.status).toBe(200);
      const agent = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
      for (let i = 0; i < 11; i++)
        agent.send({
          type: 'message',
          conversationId: c.id,
          text: `a${i}`,
          clientMessageId: `a${i}`,
        });
      const error = await agent.waitFor((f) => f.type === 'error');
      expect(error).toMatchObject({ clientMessageId: 'a10', error: { code: 'RATE_LIMITED' } });
      await until(() =>
        agent.frames.filter((f) => f.type === 'ack').length === 10 ? true : undefined,
      );
      // Stored in the order sent: a later reply never overtakes an earlier one.
      const stored = await s.server.store.conversations.eventsSince(c.id, 0);
      expect(
        stored
          .filter((e) => e.type === 'message.created' && e.data['from'] === 'agent')
          .map((e) => e.data['text']),
      ).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`));
      // The same count over HTTP; the customer's own count is untouched.
      const overHttp = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token,
        body: { text: 'a11', clientMessageId: 'a11' },
      });
      expect(overHttp.status).toBe(429);
      expect(overHttp.body.error.code).toBe('RATE_LIMITED');
      const customer = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'still here', clientMessageId: 'c1' },
      });
      expect(customer.status).toBe(201);
      await agent.close();
    },
  );

  it.skipIf(database.skipReason)(
    'caps the inbox sockets of one agent session at 5; another session opens its own',
    async () => {
      const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const url = `${s.wsUrl}/api/v1/agent/stream`;
      const open: TestSocket[] = [];
      for (let i = 0; i < 5; i++) open.push(await openSocket(url, tokenProtocols(token)));
      expect(await refusedStatus(url, tokenProtocols(token))).toBe(429);
      const other = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const elsewhere = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(other));
      // A closed socket gives its slot back.
      await open[0]!.close();
      open[0] = await until(() => openSocket(url, tokenProtocols(token)).catch(() => undefined));
      for (const socket of [...open, elsewhere]) await socket.close();
    },
  );
});

describe('open customer sockets', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: { BATON_SOCKETS_PER_CONVERSATION: '2', BATON_SOCKETS_PER_IP: '3' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses the upgrade past the sockets allowed per conversation and per address, and frees a slot on close', async () => {
    const a = await startConversation(s.baseUrl);
    const b = await startConversation(s.baseUrl);
    const a1 = await openSocket(customerStream(s, a), tokenProtocols(a.token));
    const a2 = await openSocket(customerStream(s, a), tokenProtocols(a.token));
    expect(await refusedStatus(customerStream(s, a), tokenProtocols(a.token))).toBe(429);
    const refused = await api(s.baseUrl, 'GET', `/api/v1/conversations/${a.id}/stream`, {
      token: a.token,
    });
    expect(refused.body.error.code).toBe('TOO_MANY_SOCKETS');
    const b1 = await openSocket(customerStream(s, b), tokenProtocols(b.token));
    // Three open from this address: b's second is refused although b has room.
    expect(await refusedStatus(customerStream(s, b), tokenProtocols(b.token))).toBe(429);
    await a2.close();
    const b2 = await until(() =>
      openSocket(customerStream(s, b), tokenProtocols(b.token)).catch(() => undefined),
    );
    for (const socket of [a1, b1, b2]) await socket.close();
  });
});

describe('behind a reverse proxy (server.trustProxy)', () => {
  let s: TestServer;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-limits-'));
    const file = path.join(dir, 'baton.config.yaml');
    writeFileSync(file, 'server:\n  trustProxy: true\nlimits:\n  socketsPerIp: 2\n');
    s = await startTestServer({ env: { BATON_CONFIG: file } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const forwardedFor = (c: { id: string; token: string }, client: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(customerStream(s, c), tokenProtocols(c.token), {
        headers: { 'x-forwarded-for': client },
      });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    });

  it('counts sockets per client address as the proxy forwards it', async () => {
    const c = await startConversation(s.baseUrl);
    const open = [await forwardedFor(c, '203.0.113.1'), await forwardedFor(c, '203.0.113.1')];
    await expect(forwardedFor(c, '203.0.113.1')).rejects.toThrow('429');
    open.push(await forwardedFor(c, '203.0.113.2'));
    for (const ws of open) ws.close();
  });
});

describe('behind a named proxy (BATON_TRUST_PROXY=127.0.0.1)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: { BATON_TRUST_PROXY: '127.0.0.1', BATON_SOCKETS_PER_IP: '2' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  const through = (c: { id: string; token: string }, forwardedFor: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(customerStream(s, c), tokenProtocols(c.token), {
        headers: { 'x-forwarded-for': forwardedFor },
      });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    });

  it('counts the address the proxy appended, whatever the client wrote before it', async () => {
    const c = await startConversation(s.baseUrl);
    // The proxy appends the address it saw; what comes before it is the client's own text.
    const open = [
      await through(c, '198.51.100.1, 203.0.113.9'),
      await through(c, '198.51.100.2, 203.0.113.9'),
    ];
    await expect(through(c, '198.51.100.3, 203.0.113.9')).rejects.toThrow('429');
    open.push(await through(c, '198.51.100.3, 203.0.113.10'));
    for (const ws of open) ws.close();
  });
});

describe('login lockout', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: { BATON_LOGIN_FAILURES: '3', BATON_LOGIN_LOCK_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  // Each attempt from its own address: the lockout is per account, whatever the address.
  let address = 0;
  const attempt = async (email: string, password: string) => {
    const r = await s.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}`,
    });
    return { status: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] };
  };

  it('locks an account after 3 wrong passwords from any addresses, the right one included, with a doubling backoff', async () => {
    const { email, password } = s.demoAgent;
    for (let i = 0; i < 3; i++) expect((await attempt(email, 'wrong')).status).toBe(401);
    const locked = await attempt(email, password);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'LOGIN_LOCKED', retryAfter: 1 });
    expect(locked.retryAfter).toBe('1');
    // Once the lock ends: three more tries, then a lock twice as long.
    await until(async () => ((await attempt(email, 'wrong')).status === 401 ? true : undefined));
    for (let i = 0; i < 2; i++) expect((await attempt(email, 'wrong')).status).toBe(401);
    const again = await attempt(email, password);
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'LOGIN_LOCKED', retryAfter: 2 });
  });

  it('treats an email without an account the same way', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('nobody@example.com', 'x')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('starts an account afresh after a right password', async () => {
    const email = 'sam@example.com';
    const { password } = s.demoAgent;
    for (let i = 0; i < 2; i++) expect((await attempt(email, 'wrong')).status).toBe(401);
    expect((await attempt(email, password)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await attempt(email, 'wrong')).status).toBe(401);
    expect((await attempt(email, password)).status).toBe(200);
  });
});
