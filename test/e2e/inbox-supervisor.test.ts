// A supervisor inside a colleague's conversation, in Chromium: from the dashboard's agent row
// a link opens the conversation in the inbox; it is read-only and live (the customer's new
// message appears) until the supervisor takes it over, then theirs to answer. An agent who
// took no part in it cannot open the same link.
// On both engines (the take-over is a conditional write to the store), on one Chromium: the
// supervisor watches on a laptop (1366×768), then takes over and replies on a phone (390×844).

import { describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { until } from '../helpers/until.ts';
import { screenshot } from './browser.ts';
import { openDashboard, SUPERVISOR } from './dashboard-pages.ts';
import { eventually, openInbox } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)(
  'supervisor in a conversation from the inbox on $name',
  (database) => {
    const skip = chromiumMissing !== null || database.skipReason !== null;
    const fixture = useTestServer({ skip, server: () => ({ engine: database.name }) });

    it.skipIf(skip)(
      "opens Sam's conversation from the dashboard, watches it live, takes it over and replies",
      async () => {
        const sam = await login(
          fixture.server.baseUrl,
          'sam@example.com',
          fixture.server.demoAgent.password,
        );
        const samId = (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: sam })).body
          .agent.id as string;
        const c = await startConversation(fixture.server.baseUrl, { customer: { name: 'Yara' } });
        const say = (text: string) =>
          api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
            token: c.token,
            body: { text },
          });
        await say('I want to talk to a human');
        await until(async () =>
          (await fixture.server.server.store.conversations.get(c.id))?.status === 'queued'
            ? true
            : undefined,
        );
        const claimed = await api(
          fixture.server.baseUrl,
          'POST',
          `/api/v1/conversations/${c.id}/claim`,
          {
            token: sam,
          },
        );
        expect(claimed.status).toBe(200);

        // The dashboard's agent row links the conversation to the inbox.
        const page = await openDashboard(
          chromium.browser,
          fixture.server.baseUrl,
          'supervisor',
          SUPERVISOR,
          viewportOf(LAPTOP),
        );
        const link = page.locator(`tr[data-agent-id="${samId}"] a[data-inbox-link="${c.id}"]`);
        await link.waitFor();
        expect(await link.textContent()).toBe('Yara');
        await link.click();
        await page.waitForURL(`**/inbox/#${c.id}`);
        await eventually(() => page.locator('#pane-title').textContent()).toBe('Yara');

        // Read-only while it is Sam's, and live.
        const footer = page.locator('.pane-footer');
        await eventually(() => footer.textContent()).toBe(
          "You are watching Sam's conversation live. Take it over to reply.",
        );
        expect(await page.getByLabel('Reply to the customer').count()).toBe(0);
        await say('Are you still there?');
        await eventually(() => page.locator('.transcript').textContent()).toContain(
          'Are you still there?',
        );
        await screenshot(page, `inbox-supervisor-watching-${LAPTOP.name}`);
        // The way back: the inbox's top bar links a supervisor to the dashboard.
        expect(
          await page.getByRole('link', { name: 'Dashboard', exact: true }).getAttribute('href'),
        ).toBe('/dashboard/');
        await seenAt(page, PHONE, 'inbox-supervisor-watching');

        // Take over: Riley has it, and answers.
        await page.getByRole('button', { name: 'Take over' }).click();
        const reply = page.getByLabel('Reply to the customer');
        await reply.waitFor();
        const stored = await fixture.server.server.store.conversations.get(c.id);
        const riley = await fixture.server.server.store.agents.findByEmail('riley@example.com');
        expect(stored?.assigneeId).toBe(riley?.id);
        await reply.fill('Riley here, I am taking care of it.');
        await reply.press('Enter');
        await eventually(() =>
          page.locator('.transcript .turn--agent').last().textContent(),
        ).toContain('taking care of it');
        await screenshot(page, `inbox-supervisor-took-over-${PHONE.name}`);
        await until(async () => {
          const events = await fixture.server.server.store.conversations.eventsSince(c.id, 0);
          return events.some(
            (e) =>
              e.type === 'message.created' && e.data.text === 'Riley here, I am taking care of it.',
          )
            ? true
            : undefined;
        });
        const events = await fixture.server.server.store.conversations.eventsSince(c.id, 0);
        expect(events.some((e) => e.type === 'conversation.reassigned')).toBe(true);
        await page.context().close();

        // An agent who took no part in it cannot open the same link: out of their scope, the
        // conversation does not exist for them (test/http/conversation-scope.test.ts).
        const alex = await openInbox(
          chromium.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
        );
        await alex.page.goto(`${fixture.server.baseUrl}/inbox/#${c.id}`);
        await eventually(() => alex.page.locator('.pane .empty').textContent()).toBe(
          `No conversation has the id ${c.id}.`,
        );
        expect(await alex.page.locator('#pane-title').count()).toBe(0);
        expect(await alex.page.getByRole('button', { name: 'Take over' }).count()).toBe(0);
        expect(await alex.page.getByRole('link', { name: 'Dashboard', exact: true }).count()).toBe(
          0,
        );
        await alex.page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  },
);
