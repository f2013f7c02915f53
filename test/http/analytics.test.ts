/** Analytics from the event log, and Prometheus metrics from the bus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('analytics and /metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ env: { BATON_METRICS_TOKEN: 'scrape-token-0123456789' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('counts what happened: a bot-only conversation and a handled handoff', async () => {
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const botOnly = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${botOnly.id}/messages`, {
      token: botOnly.token,
      body: { text: 'How long does shipping take?' },
    });
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: agent,
      body: { text: 'Hello!' },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
      token: agent,
      body: { resolved: true, botCouldHaveHandled: false },
    });

    const rate = (token: string, id: string, rating: number) =>
      api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/csat`, { token, body: { rating } });
    expect((await rate(botOnly.token, botOnly.id, 4)).body).toEqual({ accepted: true });
    expect((await rate(botOnly.token, botOnly.id, 1)).body).toEqual({ accepted: false });
    expect((await rate(c.token, c.id, 5)).body).toEqual({ accepted: true });
    expect((await rate(c.token, c.id, 9)).status).toBe(400);
    expect((await rate(agent, c.id, 5)).status).toBe(403);

    const r = await api(s.baseUrl, 'GET', '/api/v1/analytics', { token: supervisor });
    expect(r.status).toBe(200);
    expect(r.body.metrics).toMatchObject({
      conversations: 2,
      handoffs: 1,
      handoffRate: 0.5,
      byReason: { explicit_request: 1 },
      resolvedAfterHandoff: 1,
      resolutionRate: 1,
    });
    expect(r.body.metrics.timeToHumanSeconds.count).toBe(1);
    expect(r.body.metrics.csat).toEqual({
      botOnly: { count: 1, average: 4 },
      handedOver: { count: 1, average: 5 },
    });
    expect(r.body.metrics.handoffQuality).toBeGreaterThan(0.9);
    expect((await api(s.baseUrl, 'GET', '/api/v1/analytics', { token: agent })).status).toBe(403);
    const bad = await api(
      s.baseUrl,
      'GET',
      '/api/v1/analytics?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
      {
        token: supervisor,
      },
    );
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');

    const unauth = await fetch(`${s.baseUrl}/metrics`);
    expect(unauth.status).toBe(401);
    // Only the header: a token in the URL would be kept by every access log on the way.
    expect((await fetch(`${s.baseUrl}/metrics?token=scrape-token-0123456789`)).status).toBe(401);
    const scrape = await fetch(`${s.baseUrl}/metrics`, {
      headers: { authorization: 'Bearer scrape-token-0123456789' },
    });
    const text = await scrape.text();
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /baton_handoffs_total\{reason="explicit_request",queue="general",channel="web"\} 1/,
    );
    expect(text).toMatch(/baton_conversations_started_total\{channel="web"\} 2/);
    expect(text).toMatch(/baton_conversations_resolved_total\{handed_over="yes"\} 1/);
    expect(text).toMatch(/baton_wait_seconds_count\{queue="general"\} 1/);
    expect(text).toContain('baton_agents_connected');
  });
});

describe.each(TEST_DATABASES)('analytics over time, filters and CSV ($name)', (database) => {
  let s: TestServer;
  // A fixed, injected clock: the durations below are exact, never wall-clock.
  const base = Date.parse('2026-03-02T09:50:00.000Z');
  let offsetMinutes = 0;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(base + offsetMinutes * 60_000),
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const at = (minutesAfter0950: number) => {
    offsetMinutes = minutesAfter0950;
  };

  it.skipIf(database.skipReason)(
    'counts 180 s from a 10:00 handoff to a 10:03 reply, buckets by hour, filters and exports',
    async () => {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      at(0); // 09:50, ten minutes with the bot first
      const c = await startConversation(s.baseUrl, {
        customer: { name: 'Nora', email: 'nora@example.com' },
      });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'How long does shipping take?' },
      });
      at(10); // 10:00 the handoff
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      at(11); // 10:01 taken
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
      at(13); // 10:03 first human reply
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: agent,
        body: { text: 'Hi Nora, Alex here.' },
      });
      at(20);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
        token: agent,
        body: { resolved: true, botCouldHaveHandled: true, note: '=SUM(1) shipping FAQ' },
      });
      at(70); // 11:00 Nora is back, through the API, and the bot handles it
      await startConversation(s.baseUrl, {
        channel: 'api',
        customer: { name: 'Nora', email: 'nora@example.com' },
      });

      const range = 'from=2026-03-02T09:00:00.000Z&to=2026-03-02T12:00:00.000Z';
      const r = await api(s.baseUrl, 'GET', `/api/v1/analytics?${range}`, { token: supervisor });
      expect(r.status).toBe(200);
      const m = r.body.metrics;
      expect(m.timeToHumanSeconds).toEqual({ count: 1, p50: 180, p90: 180 });
      expect(m.waitSeconds).toEqual({ count: 1, p50: 60, p90: 60 });
      expect(m.recontacts).toEqual({ resolved: 1, withinWindow: 1, rate: 1 });
      expect(r.body.series).toEqual({
        bucket: 'hour',
        points: [
          { start: '2026-03-02T09:00:00.000Z', conversations: 1, handoffs: 1, rate: 1 },
          { start: '2026-03-02T10:00:00.000Z', conversations: 0, handoffs: 0, rate: null },
          { start: '2026-03-02T11:00:00.000Z', conversations: 1, handoffs: 0, rate: 0 },
        ],
      });

      const filtered = await api(s.baseUrl, 'GET', `/api/v1/analytics?${range}&channel=api`, {
        token: supervisor,
      });
      expect(filtered.body.filters).toEqual({ channel: 'api' });
      expect(filtered.body.metrics).toMatchObject({ conversations: 1, handoffs: 0 });

      const csv = await fetch(
        `${s.baseUrl}/api/v1/analytics/export.csv?kind=conversations&${range}`,
        { headers: { authorization: `Bearer ${supervisor}` } },
      );
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="baton-/);
      const rows = (await csv.text()).trimEnd().split('\r\n');
      expect(rows).toHaveLength(3);
      const header = rows[0]!.split(',');
      const first = Object.fromEntries(header.map((h, i) => [h, rows[1]!.split(',')[i]]));
      expect(first).toMatchObject({
        conversation_id: c.id,
        time_to_human_seconds: '180',
        wait_seconds: '60',
        recontacted_within_7_days: 'true',
      });
      const improvements = await fetch(
        `${s.baseUrl}/api/v1/analytics/export.csv?kind=improvements&${range}`,
        { headers: { authorization: `Bearer ${supervisor}` } },
      );
      const text = await improvements.text();
      expect(text).toContain(c.id);
      expect(text).toContain("'=SUM(1) shipping FAQ"); // a formula stays text

      const asAgent = await api(
        s.baseUrl,
        'GET',
        `/api/v1/analytics/export.csv?kind=improvements`,
        {
          token: agent,
        },
      );
      expect(asAgent.status).toBe(403);
      const badKind = await api(s.baseUrl, 'GET', `/api/v1/analytics/export.csv?kind=everything`, {
        token: supervisor,
      });
      expect(badKind.body.error.code).toBe('VALIDATION_FAILED');
    },
  );
});
