// One name per queue, in Chromium: the name the customer is told (the queue's configured
// `name`, from GET /api/v1/queues) is the one the inbox, the supervisor view and the
// analytics queue chart show; never the id ("general") nor a guess from it ("General").

import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { openDashboard } from './dashboard-pages.ts';
import { eventually, handedOverChat, openInbox } from './pages.ts';
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
