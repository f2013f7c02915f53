// The supervisor view in a real browser: live queues and SLA alerts as the API reports them,
// agents with their load, and reassigning from an alert to a queue and to a named agent.

import { afterAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { until } from '../helpers/until.ts';
import { screenshot } from './browser.ts';
import { openDashboard, seriousAxeViolations, SUPERVISOR } from './dashboard-pages.ts';
import { eventually } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const TIMEOUT = 90_000;
const SLA_SECONDS = 300;

// On both engines: the overview's queues, waits and breaches are read by each engine's SQL.
describe.each(TEST_DATABASES)('supervisor view in the browser on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  let offsetMs = 0;
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      env: { BATON_TIMER_INTERVAL_MS: '50', BATON_SLA_SECONDS: String(SLA_SECONDS) },
    }),
  });
  const sockets: TestSocket[] = [];

  afterAll(async () => {
    if (skip) return;
    for (const socket of sockets) await socket.close();
  });

  async function handOff(text: string, name: string) {
    const c = await startConversation(fixture.server.baseUrl, { customer: { name } });
    await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    return c.id;
  }
  const get = async (id: string) => (await fixture.server.server.store.conversations.get(id))!;

  it.skipIf(skip)(
    'shows queues and alerts as the API does, and reassigns to a queue and to an agent',
    async () => {
      const riley = await login(fixture.server.baseUrl, SUPERVISOR.email, SUPERVISOR.password);
      const sales = await handOff('We need a quote for 300 units, can sales call me?', 'Olga');
      const billing = await handOff('I was charged €650 twice for order 77120, fix it', 'Ben');
      offsetMs += (SLA_SECONDS + 1) * 1000;
      await until(async () => ((await get(billing)).queue === 'general' ? true : undefined));
      const overview = (
        await api(fixture.server.baseUrl, 'GET', '/api/v1/supervisor/overview', { token: riley })
      ).body;
      expect(overview.alerts).toHaveLength(2);

      const page = await openDashboard(fixture.browser, fixture.server.baseUrl, 'supervisor');
      const alerts = page.locator('li.alert');
      await eventually(() => alerts.count()).toBe(2);
      for (const q of overview.queues) {
        const row = page.locator(`tr[data-queue="${q.id}"]`);
        expect(await row.locator('[data-field="waiting"]').textContent()).toBe(String(q.waiting));
        expect(await row.locator('[data-field="slaBreachesToday"]').textContent()).toBe(
          String(q.slaBreachesToday),
        );
        expect(await row.locator('[data-field="agentsOnline"]').textContent()).toBe('0');
        // Nobody online: the view, like the customer, is not promised a time.
        expect(await row.locator('[data-field="estimatedWait"]').textContent()).toBe(
          'nobody online',
        );
      }
      await eventually(() =>
        page.locator(`li.alert[data-conversation-id="${billing}"]`).textContent(),
      ).toContain('Ben');
      // The alert names the queue as the queues table does (its display name, not its id).
      const benWaitsIn = overview.alerts.find(
        (a: { conversationId: string }) => a.conversationId === billing,
      ).queue;
      const queueName = overview.queues.find((q: { id: string }) => q.id === benWaitsIn).name;
      expect(queueName).not.toBe(benWaitsIn);
      expect(
        await page.locator(`li.alert[data-conversation-id="${billing}"]`).textContent(),
      ).toContain(`waits in ${queueName} for`);
      // The alert's conversation id links to the conversation in the inbox.
      expect(
        await page
          .locator(`li.alert[data-conversation-id="${billing}"] a[data-inbox-link]`)
          .getAttribute('href'),
      ).toBe(`/inbox/#${billing}`);
      await screenshot(page, 'dashboard-supervisor');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Reassign Ben's conversation to the sales queue, with a reason. The picker names the
      // queues in force as the queues table does.
      const benAlert = page.locator(`li.alert[data-conversation-id="${billing}"]`);
      expect(await benAlert.locator('optgroup[label="Queues"] option').allTextContents()).toEqual(
        overview.queues.map((q: { name: string }) => q.name),
      );
      await benAlert.getByLabel('Move to').selectOption('queue:sales');
      await benAlert.getByLabel('Reason').fill('asks for a bulk quote too');
      await benAlert.getByRole('button', { name: 'Reassign' }).click();
      await until(async () => ((await get(billing)).queue === 'sales' ? true : undefined));
      const events = await fixture.server.server.store.conversations.eventsSince(billing, 0);
      const reassigned = events.find((e) => e.type === 'conversation.reassigned')!;
      expect(reassigned.actor.name).toBe('Riley');
      expect(reassigned.data).toMatchObject({
        toQueue: 'sales',
        reason: 'asks for a bulk quote too',
      });
      await eventually(() =>
        page.locator('tr[data-queue="sales"] [data-field="waiting"]').textContent(),
      ).toBe('2');

      // Alex opens the inbox; the next poll lists him with room, and Olga goes to him.
      const alex = await login(fixture.server.baseUrl, 'alex@example.com', SUPERVISOR.password);
      sockets.push(
        await openSocket(`${fixture.server.wsUrl}/api/v1/agent/stream`, tokenProtocols(alex)),
      );
      const olgaAlert = page.locator(`li.alert[data-conversation-id="${sales}"]`);
      const option = olgaAlert.locator('option', { hasText: 'Alex (0/3)' });
      await eventually(() => option.count()).toBe(1);
      await olgaAlert.getByLabel('Move to').selectOption({ label: 'Alex (0/3)' });
      await olgaAlert.getByRole('button', { name: 'Reassign' }).click();
      await until(async () => ((await get(sales)).status === 'assigned' ? true : undefined));
      const alexRow = page.locator('tr', { hasText: 'Alex' });
      await eventually(() => alexRow.locator('[data-field="load"]').textContent()).toBe('1 / 3');
      await eventually(() => alexRow.textContent()).toContain('Olga');
      await eventually(() => alerts.count()).toBe(1);
      await screenshot(page, 'dashboard-supervisor-after-reassign');
    },
    TIMEOUT,
  );
});
