/**
 * One display name per queue: the analytics API and its CSV exports give each queue's
 * configured name (the name an English-speaking customer is told), the id only as the id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('queue display names in analytics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('names every queue as the customer hears it, and keeps the id in the id column', async () => {
    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const c = await startConversation(s.baseUrl);
    const handedOver = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want to talk to a person, please' },
    });
    expect((await s.server.store.conversations.get(c.id))!.queue).toBe('general');
    const told = handedOver.body.events.find((e: any) => e.data.kind === 'handoff')?.data.text;
    expect(told).toContain('Support');
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
    const resolved = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
      token: agent,
      body: { resolved: true, botCouldHaveHandled: true, note: 'shipping FAQ' },
    });
    expect(resolved.status).toBe(200);

    const r = await api(s.baseUrl, 'GET', '/api/v1/analytics', { token: supervisor });
    expect(r.status).toBe(200);
    expect(r.body.metrics.byQueue).toEqual({ general: 1 });
    expect(r.body.queueNames).toMatchObject({
      general: 'Support',
      billing: 'Billing',
      technical: 'Technical support',
      retention: 'Customer care',
      sales: 'Sales',
      trust_safety: 'Trust & Safety',
    });

    const firstRow = async (kind: string) => {
      const csv = await fetch(`${s.baseUrl}/api/v1/analytics/export.csv?kind=${kind}`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });
      const [header, row] = (await csv.text()).trimEnd().split('\r\n');
      return Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    };
    const expected = { conversation_id: c.id, queue: 'general', queue_name: 'Support' };
    expect(await firstRow('conversations')).toMatchObject(expected);
    expect(await firstRow('improvements')).toMatchObject(expected);
  });
});
