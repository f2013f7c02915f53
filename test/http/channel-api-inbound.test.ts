/**
 * The open API channel through the real server, as docs/channels.md describes it: inbound
 * turns signed as Standard Webhooks at POST /channels/api/webhook, the bot's and the agent's
 * replies posted back to the integration's URL, signed, under ids that survive retries. The
 * receiver checks every signature with the `standardwebhooks` library, not with our code.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardWebhookSignature } from '../../src/channels/api/standard-webhooks.ts';
import { api, login } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SECRET = `whsec_${Buffer.from('api-channel-test-secret-32-bytes').toString('base64')}`;

interface Delivery {
  id: string;
  body: { type: string; data: { threadId?: string; message?: Record<string, unknown> } };
}

describe('open API channel', () => {
  const received: Delivery[] = [];
  const refusedIds: string[] = [];
  let failNext = 0;
  const integration = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        refusedIds.push(String(req.headers['webhook-id']));
        res.writeHead(503).end();
        return;
      }
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      // Throws (and the test sees no delivery) when Baton's signature is wrong.
      const body = new Webhook(SECRET).verify(raw, headers) as Delivery['body'];
      received.push({ id: headers['webhook-id'], body });
      res.writeHead(204).end();
    });
  });
  let s: TestServer;

  beforeAll(async () => {
    await new Promise<void>((r) => integration.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      env: {
        BATON_API_CHANNEL_SECRET: SECRET,
        BATON_API_CHANNEL_WEBHOOK_URL: `http://127.0.0.1:${(integration.address() as AddressInfo).port}/baton`,
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_TIMER_LEASE_MS: '1000', // a failed delivery is tried again a second later
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    integration.close();
  });

  const post = (body: unknown, sign: 'valid' | 'none' | 'tampered' = 'valid') => {
    const raw = JSON.stringify(body);
    const id = `d_${Math.random().toString(36).slice(2)}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = standardWebhookSignature(SECRET, id, timestamp, raw);
    return fetch(`${s.baseUrl}/channels/api/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(sign === 'none'
          ? {}
          : {
              'webhook-id': id,
              'webhook-timestamp': String(timestamp),
              'webhook-signature': sign === 'valid' ? signature : `v1,${'A'.repeat(44)}`,
            }),
      },
      body: raw,
    });
  };
  const turn = (id: string, text: string) => ({
    type: 'message.received',
    timestamp: new Date().toISOString(),
    data: { id, threadId: 'kiosk-42', customer: { id: 'visitor-7', name: 'Sam' }, text },
  });

  it('refuses unsigned and forged requests with the code that says why', async () => {
    const unsigned = await post(turn('k-0', 'hello'), 'none');
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as any).error.code).toBe('SIGNATURE_MISSING');
    const forged = await post(turn('k-0', 'hello'), 'tampered');
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as any).error.code).toBe('SIGNATURE_INVALID');
    expect(await s.server.store.conversations.findOpenByThread('api', 'kiosk-42')).toBeUndefined();
  });

  it('answers a signed turn in the same thread, stores a redelivery once, and hands over', async () => {
    expect((await post(turn('k-1', 'What payment methods do you accept?'))).status).toBe(200);
    const botReply = await until(() =>
      received.find(
        (d) =>
          d.body.data.message?.from === 'bot' && /card|pay/i.test(String(d.body.data.message.text)),
      ),
    );
    expect(botReply.body.type).toBe('message.created');
    expect(botReply.body.data.threadId).toBe('kiosk-42');

    const conversation = await until(() =>
      s.server.store.conversations.findOpenByThread('api', 'kiosk-42'),
    );
    expect((await post(turn('k-1', 'What payment methods do you accept?'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const events = await s.server.store.conversations.eventsSince(conversation.id, 0);
    expect(events.filter((e) => e.data.from === 'customer')).toHaveLength(1);

    expect((await post(turn('k-2', 'I want to talk to a person please'))).status).toBe(200);
    await until(async () => {
      const now = await s.server.store.conversations.get(conversation.id);
      return now && now.status !== 'bot' ? now : undefined;
    });
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
      token: agent,
    });
    failNext = 1; // the integration fails once: the same delivery comes again, same id
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/messages`, {
      token: agent,
      body: { text: 'Hi Sam, Alex here.' },
    });
    const agentReply = await until(
      () => received.find((d) => d.body.data.message?.text === 'Hi Sam, Alex here.'),
      30_000,
    );
    expect(agentReply.body.data.message).toMatchObject({ from: 'agent', agentName: 'Alex' });
    expect(agentReply.body.data.threadId).toBe('kiosk-42');
    // The retried delivery kept its id, so the integration can drop a second copy.
    expect(refusedIds).toHaveLength(1);
    await until(() => received.find((d) => d.id === refusedIds[0]), 20_000);
    expect(agentReply.id).toBe(`msg_${String(agentReply.body.data.message?.id)}`);
    expect(agentReply.body.data.message?.id).toMatch(new RegExp(`^${conversation.id}\\.\\d+$`));
  });
});
