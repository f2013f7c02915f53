/** After hours: the request is captured with a promised follow-up, and re-queued at opening. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const weekday = [{ open: '09:00', close: '17:00' }];
const yaml = `routing:
  businessHours:
    timeZone: UTC
    days: ${JSON.stringify({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday })}
    holidays: []
`;

describe('business hours', () => {
  let s: TestServer;
  // Saturday 21 November 2026, 12:00 UTC: the team is closed until Monday 09:00.
  let now = Date.parse('2026-11-21T12:00:00Z');
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-hours-'));
    writeFileSync(path.join(dir, 'hours.yaml'), yaml);
    s = await startTestServer({
      clock: () => new Date(now),
      env: {
        BATON_CONFIG: path.join(dir, 'hours.yaml'),
        BATON_TIMER_INTERVAL_MS: '50',
        // Outbound email, so an address may be asked for (no-email-promise.test.ts: without).
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: 'smtp://127.0.0.1:9',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('captures the request, names the follow-up time, asks for contact on the web, and re-queues at opening', async () => {
    const c = await startConversation(s.baseUrl);
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want to talk to a human' },
    });
    const said = r.body.events.at(-1).data.text as string;
    expect(said).toMatch(/closed/i);
    expect(said).toMatch(/Monday/);
    expect(said).toMatch(/9:00/);
    expect(said).toMatch(/email address or phone number/);
    const store = s.server.store;
    expect((await store.conversations.get(c.id))?.status).toBe('deferred');
    expect((await store.timers.pendingFor(c.id)).map((t) => [t.kind, t.dueAt])).toEqual([
      ['follow_up.due', '2026-11-23T09:00:00.000Z'],
    ]);
    expect(await store.timers.deadEnds()).toEqual([]);

    now = Date.parse('2026-11-23T09:00:05Z');
    await until(async () =>
      (await store.conversations.get(c.id))?.status === 'queued' ? true : undefined,
    );
    const events = await store.conversations.eventsSince(c.id, 0);
    expect(events.map((e) => e.type)).toContain('conversation.resumed');
    expect(events.at(-1)?.data.text).toMatch(/open now/);
    expect((await store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual([
      'sla.first_response',
    ]);
  });

  it('lets someone on duty take an after-hours request early', async () => {
    now = Date.parse('2026-11-21T23:00:00Z');
    const c = await startConversation(s.baseUrl, { customer: { email: 'kim@example.com' } });
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    expect(r.body.events.at(-1).data.text).not.toMatch(/email address or phone number/);
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: agent,
    });
    expect(claim.body.conversation.status).toBe('assigned');
    expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual([
      'agent.reply_due',
    ]);
  });

  it('keeps trust & safety open around the clock', async () => {
    now = Date.parse('2026-11-22T03:00:00Z');
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'Someone hacked my account and made charges I did not authorize' },
    });
    const conversation = await s.server.store.conversations.get(c.id);
    expect(conversation?.queue).toBe('trust_safety');
    expect(conversation?.status).toBe('queued');
  });
});
