/** Analytics from the event log, and Prometheus metrics from the bus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
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
