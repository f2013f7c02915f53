/**
 * No HTTP route takes a token in its URL: `?token=` is refused with `401 TOKEN_IN_URL`
 * (naming the Authorization header), even beside a good header, for an agent's session
 * token and a customer's conversation token alike, on reads, writes, media and log-out, and
 * nothing is done. The same requests with the header work. Socket upgrades refuse `?token=`
 * too (401 TOKEN_IN_URL, naming the sub-protocol), even beside a good sub-protocol offer, and
 * nothing opens; the sub-protocol offer the web clients use opens them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import WebSocket from 'ws';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(TEST_DATABASES)('tokens in URLs on $name', (database) => {
  let s: TestServer;
  let alex: string;
  let customer: { id: string; token: string };
  let ref: string;

  /** A request with the token in the URL, and optionally the right header beside it. */
  const inUrl = async (
    method: string,
    path: string,
    token: string,
    options: { header?: string; body?: unknown } = {},
  ) => {
    const joiner = path.includes('?') ? '&' : '?';
    const response = await fetch(`${s.baseUrl}${path}${joiner}token=${token}`, {
      method,
      headers: {
        ...(options.header ? { authorization: `Bearer ${options.header}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const refused = {
    status: 401,
    body: {
      error: expect.objectContaining({
        code: 'TOKEN_IN_URL',
        message: expect.stringContaining('Authorization: Bearer'),
      }),
    },
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    customer = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${customer.id}/messages`, {
      token: customer.token,
      body: { text: 'I want to talk to a human about a refund on my invoice' },
    });
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'receipt.png');
    const sent = await fetch(`${s.baseUrl}/api/v1/conversations/${customer.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.token}` },
      body: form,
    });
    expect(sent.status).toBe(201);
    ref = ((await sent.json()) as any).events[0].data.media[0].ref;
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    "refuses an agent's session token in the URL, with or without the header",
    async () => {
      expect(await inUrl('GET', '/api/v1/me', alex)).toMatchObject(refused);
      expect(await inUrl('GET', '/api/v1/me', alex, { header: alex })).toMatchObject(refused);
      expect(await inUrl('GET', `/api/v1/conversations/${customer.id}`, alex)).toMatchObject(
        refused,
      );
      expect(await inUrl('GET', `/api/v1/conversations/${customer.id}/events`, alex)).toMatchObject(
        refused,
      );
      // The media download, which an <img src> would have to put in its URL.
      const media = `/api/v1/conversations/${customer.id}/media/${encodeURIComponent(ref)}`;
      expect(await inUrl('GET', media, alex)).toMatchObject(refused);
      const byHeader = await fetch(`${s.baseUrl}${media}`, {
        headers: { authorization: `Bearer ${alex}` },
      });
      expect(byHeader.status).toBe(200);
      expect(Buffer.from(await byHeader.arrayBuffer()).equals(PNG)).toBe(true);

      // Log-out with the token in the URL ends nothing.
      expect(await inUrl('POST', '/api/v1/auth/logout', alex)).toMatchObject(refused);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).status).toBe(200);
    },
  );

  it.skipIf(database.skipReason)(
    "refuses a conversation's token in the URL and stores nothing",
    async () => {
      const path = `/api/v1/conversations/${customer.id}/messages`;
      const body = { text: 'sent with the token in the URL', clientMessageId: 'url-1' };
      expect(await inUrl('POST', path, customer.token, { body })).toMatchObject(refused);
      expect(
        await inUrl('POST', path, customer.token, { body, header: customer.token }),
      ).toMatchObject(refused);
      expect(
        await inUrl('GET', `/api/v1/conversations/${customer.id}/events`, customer.token),
      ).toMatchObject(refused);
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${customer.id}/events`, {
        token: customer.token,
      });
      expect(events.status).toBe(200);
      expect(events.body.events.some((e: any) => e.data?.clientMessageId === 'url-1')).toBe(false);
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a socket upgrade with the token in the URL, even beside the sub-protocol',
    async () => {
      const socketRefused = {
        status: 401,
        body: {
          error: expect.objectContaining({
            code: 'TOKEN_IN_URL',
            message: expect.stringContaining('baton.token.<token>'),
          }),
        },
      };
      const inbox = `${s.wsUrl}/api/v1/agent/stream`;
      const stream = `${s.wsUrl}/api/v1/conversations/${customer.id}/stream`;
      expect(await upgrade(`${inbox}?token=${alex}`)).toMatchObject(socketRefused);
      expect(await upgrade(`${inbox}?token=${alex}`, tokenProtocols(alex))).toMatchObject(
        socketRefused,
      );
      expect(await upgrade(`${stream}?token=${customer.token}&since=0`)).toMatchObject(
        socketRefused,
      );
      expect(
        await upgrade(`${stream}?since=0&token=${customer.token}`, tokenProtocols(customer.token)),
      ).toMatchObject(socketRefused);
      // Refused before it opened: Alex has no inbox open, so "online" is not taken.
      const online = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: alex,
        body: { presence: 'online' },
      });
      expect(online.status).toBe(200);
      expect(online.body).toMatchObject({ agent: { presence: 'offline' }, inboxOpen: false });
    },
  );

  it.skipIf(database.skipReason)(
    'opens the sockets with the token in the sub-protocol, as the web clients do',
    async () => {
      const widget = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${customer.id}/stream?since=0`,
        tokenProtocols(customer.token),
      );
      expect(widget.ws.protocol).toBe('baton');
      widget.send({ type: 'message', text: 'sent over the socket', clientMessageId: 'ws-1' });
      expect(await widget.waitFor((f) => f.type === 'ack')).toMatchObject({
        clientMessageId: 'ws-1',
      });
      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alex));
      expect(inbox.ws.protocol).toBe('baton');
      const online = await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: alex,
        body: { presence: 'online' },
      });
      expect(online.body).toMatchObject({ agent: { presence: 'online' }, inboxOpen: true });
      // A client that cannot offer sub-protocols sends the header on the upgrade instead.
      const byHeader = new WebSocket(`${s.wsUrl}/api/v1/agent/stream`, {
        headers: { authorization: `Bearer ${alex}` },
      });
      await new Promise((resolve, reject) => {
        byHeader.once('open', resolve);
        byHeader.once('unexpected-response', (_req, res) =>
          reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)),
        );
        byHeader.once('error', reject);
      });
      byHeader.close();
      await widget.close();
      await inbox.close();
    },
  );
});

/** A socket upgrade's refusal (status and JSON body), or `opened` when the server took it. */
function upgrade(
  url: string,
  protocols?: string[],
): Promise<'opened' | { status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => {
      ws.close();
      resolve('opened');
    });
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.once('error', reject);
  });
}
