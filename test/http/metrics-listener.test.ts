/**
 * `metrics.port` (BATON_METRICS_PORT) serves /metrics on a listener of its own, on
 * `metrics.host` (127.0.0.1 unless set), and the public port then has no /metrics at all,
 * even with the right token; with `metrics.token` the separate listener wants it too. Real
 * sockets on both ports: what a Prometheus and an outsider would reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const TOKEN = 'scrape-token-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };

describe.each(TEST_DATABASES)('a metrics listener of its own ($name)', (database) => {
  let open: TestServer;
  let guarded: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    // No metrics.host: the listener binds 127.0.0.1 by default.
    open = await startTestServer({ engine: database.name, env: { BATON_METRICS_PORT: '0' } });
    guarded = await startTestServer({
      engine: database.name,
      env: {
        BATON_METRICS_PORT: '0',
        BATON_METRICS_HOST: '127.0.0.1',
        BATON_METRICS_TOKEN: TOKEN,
      },
    });
  });
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
  });

  it.skipIf(database.skipReason)(
    'serves /metrics on its own port, on 127.0.0.1 by default, and never on the public one',
    async () => {
      const metricsUrl = open.server.metricsUrl as string;
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(metricsUrl).not.toBe(open.baseUrl);
      const c = await startConversation(open.baseUrl, { customer: { name: 'Ann' } });
      await api(open.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'I want to talk to a human' },
      });

      const scrape = await fetch(`${metricsUrl}/metrics`);
      expect(scrape.status).toBe(200);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await scrape.text();
      expect(text).toMatch(/baton_conversations_started_total\{channel="web"\} 1/);
      expect(text).toContain('baton_agents_connected');

      const publicPort = await fetch(`${open.baseUrl}/metrics`);
      expect(publicPort.status).toBe(404);
      expect(((await publicPort.json()) as any).error.code).toBe('NOT_FOUND');
      // The metrics port serves nothing else: the API stays on the public one.
      expect((await fetch(`${metricsUrl}/api/v1/me`)).status).toBe(404);
      expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST' })).status).toBe(404);
    },
  );

  it.skipIf(database.skipReason)(
    'wants the token there too when metrics.token is set; the public port refuses even with it',
    async () => {
      const metricsUrl = guarded.server.metricsUrl as string;
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const without = await fetch(`${metricsUrl}/metrics`);
      expect(without.status).toBe(401);
      expect(((await without.json()) as any).error.code).toBe('UNAUTHENTICATED');
      expect(
        (await fetch(`${metricsUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token' } }))
          .status,
      ).toBe(401);
      const scrape = await fetch(`${metricsUrl}/metrics`, { headers: bearer });
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toContain('baton_conversations_started_total');

      expect((await fetch(`${guarded.baseUrl}/metrics`, { headers: bearer })).status).toBe(404);
    },
  );
});
