// One name per queue, in Chromium: the name the customer is told (the queue's configured
// `name`, from GET /api/v1/queues) is the one the inbox, the supervisor view and the
// analytics queue chart show; never the id ("general") nor a guess from it ("General"). The
// analytics filter lists the queues in force by that name, a configured one of its own too,
// and filters by its id.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { openDashboard } from './dashboard-pages.ts';
import { eventually, handedOverChat, openInbox } from './pages.ts';
import { startConversation } from '../helpers/api-client.ts';
import { until } from '../helpers/until.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('queue display names across the screens', () => {
  const fixture = useChromiumAndServer();

  it(
    'shows the name the customer is told in the inbox, the supervisor view and the charts',
    async () => {
      const { baseUrl, server, demoAgent } = fixture.server;
      const alex = await login(baseUrl, demoAgent.email, demoAgent.password);
      const queues = (await api(baseUrl, 'GET', '/api/v1/queues', { token: alex })).body.queues;
      const name = queues.find((q: { id: string }) => q.id === 'general').name as string;
      expect(name).toBe('Support');

      const id = await handedOverChat(fixture.server, 'Yara');
      expect((await server.store.conversations.get(id))?.queue).toBe('general');
      const events = await server.store.conversations.eventsSince(id, 0);
      const told = events.find((e) => e.data.kind === 'handoff')?.data.text;
      expect(told).toContain(name);

      // The inbox: the queue chip, the handoff card and the transcript's handover line.
      const inbox = await openInbox(fixture.browser, baseUrl, demoAgent);
      const item = inbox.queueItem(id);
      await eventually(() => item.locator('[data-field="queue"]').textContent()).toBe(name);
      await item.click();
      await eventually(() => inbox.transcript.textContent()).toContain(`Handed over to ${name}`);
      const cardQueue = inbox.page
        .locator('.facts > div')
        .filter({ has: inbox.page.locator('dt', { hasText: /^Queue$/ }) })
        .locator('dd');
      expect(await cardQueue.textContent()).toBe(name);
      await inbox.page.context().close();

      // The supervisor view: the agent's conversations name the queue as the queues table does.
      expect(
        (await api(baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, { token: alex })).status,
      ).toBe(200);
      const alexId = (await api(baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.id;
      const page = await openDashboard(fixture.browser, baseUrl, 'supervisor');
      await eventually(() => page.locator('tr[data-queue="general"] th').textContent()).toBe(name);
      await eventually(() => page.locator(`tr[data-agent-id="${alexId}"]`).textContent()).toContain(
        `(${name}, assigned)`,
      );

      // The analytics queue chart and the table behind it.
      await page.getByRole('tab', { name: 'Analytics' }).click();
      const rows = page.locator('[data-chart="by-queue"] tbody th');
      await eventually(() => rows.allTextContents()).toEqual([name]);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

// A desk of this team's own ("VIP desk", id vip), where the policy sends technical questions.
const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-dashboard-queues-'));
const configFile = path.join(dir, 'baton.yaml');
const policyFile = path.join(dir, 'policy.yaml');
const queue = (id: string, name: string, skill = id) =>
  `    - { id: ${id}, name: '${name}', requiredSkills: [${skill}], languages: [en], fallback: [], calendarId: always, sla: { firstResponseSeconds: 300 }, assignment: { type: offer, timeoutSeconds: 30 } }`;
writeFileSync(
  configFile,
  [
    'routing:',
    '  queues:',
    queue('general', 'Support'),
    queue('billing', 'Billing'),
    queue('technical', 'Technical support'),
    queue('retention', 'Customer care'),
    queue('sales', 'Sales'),
    queue('trust_safety', 'Trust & Safety'),
    queue('vip', 'VIP desk', 'technical'),
  ].join('\n'),
);
const defaultPolicy = readFileSync(path.join(process.cwd(), 'policies/default.yaml'), 'utf8');
expect(defaultPolicy).toContain('    technical: technical\n');
writeFileSync(
  policyFile,
  defaultPolicy.replace('    technical: technical\n', '    technical: vip\n'),
);

describeInChromium('the analytics queue filter', () => {
  const fixture = useChromiumAndServer({
    server: { env: { BATON_CONFIG: configFile, BATON_POLICY_FILE: policyFile } },
  });

  async function handedOver(text: string): Promise<string> {
    const { baseUrl, server } = fixture.server;
    const c = await startConversation(baseUrl, { customer: { name: 'Noor' } });
    for (const line of [text, 'I want to talk to a human']) {
      await api(baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: line },
      });
    }
    await until(async () =>
      (await server.store.conversations.get(c.id))?.status !== 'bot' ? true : undefined,
    );
    return c.id;
  }

  it(
    'lists the configured queues by display name and filters by the chosen one',
    async () => {
      const { baseUrl, server } = fixture.server;
      const vip = await handedOver('The app crashes with an error on login');
      expect((await server.store.conversations.get(vip))?.queue).toBe('vip');
      const general = await handedOver('My parcel 4471 is lost');
      expect((await server.store.conversations.get(general))?.queue).toBe('general');

      const page = await openDashboard(fixture.browser, baseUrl, 'analytics');
      const tile = (metric: string) =>
        page.locator(`[data-metric="${metric}"] .tile-value`).textContent();
      await eventually(() => tile('conversations')).toBe('2');
      const choice = page.locator('form.filters').getByLabel('Queue');
      await eventually(() => choice.locator('option').allTextContents()).toEqual([
        'All',
        'Support',
        'Billing',
        'Technical support',
        'Customer care',
        'Sales',
        'Trust & Safety',
        'VIP desk',
      ]);

      // The name is shown, the id is sent.
      await choice.selectOption({ label: 'VIP desk' });
      const [asked] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/api/v1/analytics?')),
        page.getByRole('button', { name: 'Apply' }).click(),
      ]);
      expect(new URL(asked.url()).searchParams.get('queue')).toBe('vip');
      await eventually(() => tile('conversations')).toBe('1');
      const rows = page.locator('[data-chart="by-queue"] tbody th');
      await eventually(() => rows.allTextContents()).toEqual(['VIP desk']);
      // The list stays whole under the filter, the choice kept.
      expect(await choice.locator('option').count()).toBe(8);
      expect(await choice.inputValue()).toBe('vip');

      await choice.selectOption({ label: 'Support' });
      await page.getByRole('button', { name: 'Apply' }).click();
      await eventually(() => rows.allTextContents()).toEqual(['Support']);
      expect(await tile('conversations')).toBe('1');
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
