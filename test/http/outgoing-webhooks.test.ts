/** Outgoing webhooks: signed per Standard Webhooks (checked with the official package), retried, logged. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SECRET = 'whsec_' + Buffer.from('outgoing-webhook-secret-42').toString('base64');

describe('outgoing webhooks', () => {
  const received: Array<{ id: string; type: string; data: any }> = [];
  let failures = 1;
  const verifier = new Webhook(SECRET);
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      try {
        const payload = verifier.verify(body, req.headers as Record<string, string>) as {
          type: string;
          data: any;
        };
        received.push({
          id: String(req.headers['webhook-id']),
          type: payload.type,
          data: payload.data,
        });
        res.writeHead(204).end();
      } catch {
        res.writeHead(401).end();
      }
    });
  });
  let s: TestServer;
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      env: {
        BATON_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
        BATON_WEBHOOK_SECRET: SECRET,
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_TIMER_LEASE_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    receiver.close();
  });

  it('sends handoff, assignment, messages and resolution, signed; retries a 503 with the same id', async () => {
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want to talk to a human' },
    });
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: agent,
    });
    expect(claimed.body.error).toBeUndefined();
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, { token: agent });
    await until(
      () =>
        received.some((r) => r.type === 'conversation.resolved') && received.length >= 8
          ? true
          : undefined,
      15_000,
    );
    const types = new Set(received.map((r) => r.type));
    expect([...types].sort()).toEqual([
      'conversation.assigned',
      'conversation.handed_over',
      'conversation.resolved',
      'message.created',
    ]);
    const handoff = received.find((r) => r.type === 'conversation.handed_over');
    expect(handoff?.data.conversation.id).toBe(c.id);
    expect(handoff?.data.event.data.reasons).toContain('explicit_request');
    // Every event once, by its stable id, although the first attempt got a 503.
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);

    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    // The 503'd delivery is retried when its lease lapses; then everything is delivered.
    const log = await until(async () => {
      const r = await api(s.baseUrl, 'GET', '/api/v1/webhooks/deliveries', { token: supervisor });
      const all = r.body.deliveries as any[];
      return all.length > 0 && all.every((d) => d.status === 'delivered') ? all : undefined;
    }, 15_000);
    expect(log.some((d) => d.attempts >= 2)).toBe(true);
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
    expect(received).toHaveLength(log.length);
    expect(
      (await api(s.baseUrl, 'GET', '/api/v1/webhooks/deliveries', { token: agent })).status,
    ).toBe(403);
  }, 30_000);
});
