/**
 * Queues from the config (`routing.queues`, `routing.calendars`) through the real server: the
 * inbox's queue list, transfers to a configured queue with its team name, its own calendar
 * and SLA, a transfer to a queue that does not exist, and a policy naming an unknown queue.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicySource } from '../../src/app/engines/policy-source.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-queues-'));
const configFile = path.join(dir, 'baton.yaml');
const queue = (id: string, name: string, extra = '') =>
  `    - { id: ${id}, name: '${name}', requiredSkills: [${id === 'vip' ? 'billing' : id}], languages: [en], fallback: [${id === 'general' ? '' : 'general'}], calendarId: business, sla: { firstResponseSeconds: 300 }, assignment: { type: offer, timeoutSeconds: 30 }${extra} }`;
writeFileSync(
  configFile,
  [
    'routing:',
    '  calendars:',
    '    weekend:',
    '      timeZone: Europe/Lisbon',
    "      days: { sat: [{ open: '10:00', close: '16:00' }], sun: [{ open: '10:00', close: '16:00' }] }",
    '  queues:',
    queue('general', 'Support'),
    queue('billing', 'Billing'),
    queue('technical', 'Technical support'),
    queue('retention', 'Customer care'),
    queue('sales', 'Sales'),
    queue('trust_safety', 'Trust & Safety'),
    "    - { id: vip, name: 'VIP desk', requiredSkills: [billing], languages: [en], fallback: [general], calendarId: weekend, sla: { firstResponseSeconds: 90 }, assignment: { type: pull } }",
  ].join('\n'),
);

describe('queues from the config', () => {
  let s: TestServer;
  // A Wednesday: the weekend desk is closed, the others (no business hours set) are open.
  const now = new Date('2026-03-11T12:00:00Z');
  beforeAll(async () => {
    s = await startTestServer({ clock: () => now, env: { BATON_CONFIG: configFile } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists the configured queues with their calendar state and SLA', async () => {
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const { status, body } = await api(s.baseUrl, 'GET', '/api/v1/queues', { token });
    expect(status).toBe(200);
    expect(body.queues.map((q: any) => q.id)).toEqual([
      'general',
      'billing',
      'technical',
      'retention',
      'sales',
      'trust_safety',
      'vip',
    ]);
    expect(body.queues.find((q: any) => q.id === 'vip')).toMatchObject({
      name: 'VIP desk',
      open: false,
      calendarId: 'weekend',
      assignment: 'pull',
      fallback: ['general'],
      firstResponseSeconds: 90,
    });
    expect(body.queues.find((q: any) => q.id === 'general').open).toBe(true);
    expect((await api(s.baseUrl, 'GET', '/api/v1/queues')).status).toBe(401);
  });

  it('transfers to a configured queue by its team name, and refuses one that does not exist', async () => {
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const c = await startConversation(s.baseUrl, { customer: { name: 'Rui' } });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    expect(
      (await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token })).status,
    ).toBe(200);

    const unknown = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/transfer`, {
      token,
      body: { queue: 'platinum' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Unknown queue "platinum".*vip/);

    const moved = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/transfer`, {
      token,
      body: { queue: 'vip', note: 'Gold customer' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ queue: 'vip', status: 'queued' });
    const told = moved.body.events.find((e: any) => e.data.kind === 'transferred');
    expect(told.data.text).toContain('our VIP desk team');
    // The SLA timer follows the queue's own target (90 s), not the team-wide 300 s.
    const timers = await s.server.store.timers.pendingFor(c.id);
    const sla = timers.find((t) => t.kind === 'sla.first_response');
    expect(sla && new Date(sla.dueAt).getTime() - now.getTime()).toBe(90_000);
  });
});

describe('a policy and the queues in force', () => {
  const clock = () => new Date();
  it('refuses the built-in policy when the queues it sends to are not configured', () => {
    expect(() => createPolicySource({ clock, knownQueues: ['general', 'vip'] })).toThrow(
      /queues\.topics\.refund: unknown queue "billing"/,
    );
  });

  it('refuses a policy file naming an unknown queue, listing the queues', () => {
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(
      file,
      [
        'version: "q-1"',
        'queues: { default: general, topics: { refund: vip } }',
        'rules:',
        '  - id: explicit',
        '    reason: explicit_request',
        '    when: { any: [human_request] }',
        '    queue: platinum',
      ].join('\n'),
    );
    expect(() => createPolicySource({ file, clock, knownQueues: ['general', 'vip'] })).toThrow(
      /rules\.explicit\.queue: unknown queue "platinum" \(the queues are general, vip\)/,
    );
  });
});
