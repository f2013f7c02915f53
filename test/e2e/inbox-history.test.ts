// History, search and the contact view in the inbox, in Chromium at phone and laptop size: an
// agent finds a resolved conversation by the words in it (not a colleague's, which is not
// theirs to see), opens it, and goes from there to the same customer's other conversation
// through "All conversations"; narrows the history by queue (listed by display name), channel
// and days of last activity; the page never scrolls sideways.

import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { until } from '../helpers/until.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox, scrollsSideways } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const SECRET = 'history-secret-0123456789abcdef';
const hmac = (value: string) => createHmac('sha256', SECRET).update(value).digest('hex');

// On both engines: the search is SQLite's FTS5 on one and PostgreSQL's full-text search on the other.
describe.each(TEST_DATABASES)('inbox history, search and contact on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({ engine: database.name, env: { BATON_IDENTITY_SECRET: SECRET } }),
  });
  const ids = { parcel: '', waiting: '', colleagues: '', billing: '', email: '' };

  beforeAll(async () => {
    if (skip) return;
    const alex = await login(
      fixture.server.baseUrl,
      'alex@example.com',
      fixture.server.demoAgent.password,
    );
    const sam = await login(
      fixture.server.baseUrl,
      'sam@example.com',
      fixture.server.demoAgent.password,
    );
    const ines = { customer: { id: 'u-7', name: 'Ines Duarte' }, userHash: hmac('u-7') };
    ids.parcel = await handedOver(ines, 'My parcel 4471 is lost');
    await handle(alex, ids.parcel, 'I found parcel 4471, it ships today');
    ids.colleagues = await handedOver(
      { customer: { id: 'u-9', name: 'Bruno' }, userHash: hmac('u-9') },
      'Where is parcel 4471 of mine',
    );
    await handle(sam, ids.colleagues, 'Checking');
    ids.waiting = await handedOver(ines, 'Still nothing');
    // Billing, one of Alex's queues; and one that came by email (its channel written in place).
    ids.billing = await handedOver(
      { customer: { id: 'u-11', name: 'Olga' }, userHash: hmac('u-11') },
      'I was charged twice on my invoice, I want a refund',
    );
    expect((await fixture.server.server.store.conversations.get(ids.billing))?.queue).toBe(
      'billing',
    );
    await handle(alex, ids.billing, 'Refunded the second charge');
    ids.email = await handedOver(
      { customer: { id: 'u-12', name: 'Emil' }, userHash: hmac('u-12') },
      'My parcel 9921 is lost',
    );
    await handle(alex, ids.email, 'It ships today');
    await fixture.server.server.store.db
      .updateTable('conversations')
      .set({ channel: 'email' })
      .where('id', '=', ids.email)
      .execute();
  }, BROWSER_TEST_TIMEOUT);

  async function handedOver(body: unknown, text: string): Promise<string> {
    const c = await startConversation(fixture.server.baseUrl, body);
    for (const line of [text, 'I want to talk to a human']) {
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: line },
      });
    }
    await until(async () =>
      (await fixture.server.server.store.conversations.get(c.id))?.status === 'queued'
        ? true
        : undefined,
    );
    return c.id;
  }

  async function handle(token: string, id: string, reply: string): Promise<void> {
    const path = `/api/v1/conversations/${id}`;
    expect((await api(fixture.server.baseUrl, 'POST', `${path}/claim`, { token })).status).toBe(
      200,
    );
    await api(fixture.server.baseUrl, 'POST', `${path}/messages`, { token, body: { text: reply } });
    const resolved = await api(fixture.server.baseUrl, 'POST', `${path}/resolve`, {
      token,
      body: {},
    });
    expect(resolved.status).toBe(200);
  }

  for (const size of [
    { name: 'phone', width: 390, height: 844, onePane: true },
    { name: 'laptop', width: 1366, height: 768, onePane: false },
  ]) {
    it.skipIf(skip)(
      `finds a resolved conversation and the customer's others at ${size.name} size`,
      async () => {
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          {
            viewport: { width: size.width, height: size.height },
            bypassCSP: true, // to inject axe-core
          },
        );
        const { page } = inbox;
        const item = (id: string) => page.locator(`.history-item[data-history-id="${id}"]`);
        await page.getByRole('button', { name: 'History' }).click();
        const history = page.getByRole('region', { name: 'History' });

        // Resolved by default: Alex's, not Sam's (agents see what they took part in).
        await item(ids.parcel).waitFor();
        expect(await item(ids.colleagues).count()).toBe(0);
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        // The search box's hint is read whole, at either size (it was cut to "Name, email, phon").
        const search = page.locator('#history-q');
        const hint = await search.evaluate((el) => {
          const input = el as unknown as {
            placeholder: string;
            clientWidth: number;
            ownerDocument: { createElement(tag: 'canvas'): unknown };
          };
          const style = (
            globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
          ).getComputedStyle(el);
          const canvas = input.ownerDocument.createElement('canvas') as {
            getContext(kind: '2d'): { font: string; measureText(t: string): { width: number } };
          };
          const context = canvas.getContext('2d');
          context.font = style.font!;
          const room =
            input.clientWidth - parseFloat(style.paddingLeft!) - parseFloat(style.paddingRight!);
          return { text: context.measureText(input.placeholder).width, room };
        });
        expect(hint.text).toBeLessThanOrEqual(hint.room);
        await screenshot(page, `inbox-history-${size.name}`);

        // Search by the words of a message, across every status.
        await history.getByLabel('Show').selectOption('all');
        await history.getByLabel('Search conversations').fill('4471');
        await history.getByRole('button', { name: 'Search' }).click();
        await eventually(() =>
          history
            .locator('.history-item')
            .evaluateAll((items) => items.map((i) => i.getAttribute('data-history-id'))),
        ).toEqual([ids.parcel]);
        await history.getByLabel('Search conversations').fill('no such words anywhere');
        await history.getByLabel('Search conversations').press('Enter');
        await eventually(() => history.locator('.history-count').textContent()).toBe(
          'No conversations found.',
        );
        await history.getByLabel('Search conversations').fill('Duarte');
        await history.getByLabel('Search conversations').press('Enter');
        await eventually(() => history.locator('.history-item').count()).toBe(2);

        // Open the resolved one: its transcript, read-only.
        await item(ids.parcel).click();
        await eventually(() => page.locator('.pane-header .status').textContent()).toBe('Resolved');
        expect(await history.isVisible()).toBe(!size.onePane);
        await eventually(() => inbox.transcript.textContent()).toContain('it ships today');
        expect(await page.getByLabel('Reply to the customer').count()).toBe(0);

        // The contact: the same signed customer's other conversation, one press away.
        await page.getByRole('button', { name: 'All conversations' }).click();
        const contact = page.getByRole('region', { name: 'Conversations with Ines Duarte' });
        await contact.locator(`[data-history-id="${ids.waiting}"]`).waitFor();
        expect(await contact.locator('.history-item').count()).toBe(2);
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `inbox-contact-${size.name}`);
        await contact.locator(`[data-history-id="${ids.waiting}"]`).click();
        // Waiting, or already offered to Alex, who is online: either way his to take.
        await eventually(() => page.locator('.pane-header .status').textContent()).toMatch(
          /^(Waiting|Offered to you)$/,
        );
        expect(await page.getByRole('button', { name: /^(Claim|Accept)$/ }).isVisible()).toBe(true);

        if (size.onePane) {
          // Back on the phone: the history is where the agent left it.
          await page.getByRole('button', { name: 'Conversations', exact: true }).click();
          await history.waitFor();
          expect(await history.locator('.history-item').count()).toBe(2);
          expect(await scrollsSideways(page)).toBe(false);
        }
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );

    it.skipIf(skip)(
      `filters the history by queue, channel and days of last activity at ${size.name} size`,
      async () => {
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          { viewport: { width: size.width, height: size.height }, bypassCSP: true },
        );
        const { page } = inbox;
        await page.getByRole('button', { name: 'History' }).click();
        const history = page.getByRole('region', { name: 'History' });
        const listed = () =>
          history
            .locator('.history-item')
            .evaluateAll((items) => items.map((i) => i.getAttribute('data-history-id')).sort());
        await history.getByLabel('Show').selectOption('all');
        await eventually(() => history.locator('.history-item').count()).toBeGreaterThan(2);

        await history.getByText('Filters', { exact: true }).click();
        const queue = history.getByLabel('Queue');
        const channel = history.getByLabel('Channel');
        const from = history.getByLabel('Last activity from');
        const to = history.getByLabel('Last activity to');
        // The configured queues by the name staff see, never the id.
        await eventually(() => queue.locator('option').allTextContents()).toEqual([
          'All queues',
          'Billing',
          'Technical support',
          'Customer care',
          'Sales',
          'Trust & Safety',
          'Support',
        ]);
        if (size.onePane) {
          const summary = history.locator('.history-filters summary');
          for (const target of [summary, queue, channel, from, to]) {
            expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
          }
        }
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);

        await queue.selectOption({ label: 'Billing' });
        await eventually(listed).toEqual([ids.billing]);
        expect(await history.locator('.history-filters summary').textContent()).toBe('Filters (1)');
        await screenshot(page, `inbox-history-filters-${size.name}`);
        await queue.selectOption({ label: 'All queues' });
        await channel.selectOption({ label: 'Email' });
        await eventually(listed).toEqual([ids.email]);
        // With the search box: an email conversation with these words, of which there is none.
        await history.getByLabel('Search conversations').fill('refund');
        await history.getByLabel('Search conversations').press('Enter');
        await eventually(() => history.locator('.history-count').textContent()).toBe(
          'No conversations found.',
        );
        await channel.selectOption({ label: 'Web chat' });
        await eventually(listed).toEqual([ids.billing]);

        // Days of last activity: everything was today, nothing in 2020.
        await history.getByLabel('Search conversations').fill('');
        await history.getByLabel('Search conversations').press('Enter');
        await channel.selectOption({ label: 'All channels' });
        await to.fill('2020-01-31');
        await eventually(() => history.locator('.history-count').textContent()).toBe(
          'No conversations found.',
        );
        await from.fill('2020-01-01');
        const today = await page.evaluate(() => {
          const d = new Date();
          const pad = (n: number) => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        });
        await to.fill(today);
        await eventually(listed).toEqual([ids.parcel, ids.waiting, ids.billing, ids.email].sort());
        await history.getByRole('button', { name: 'Clear filters' }).click();
        await eventually(() => history.locator('.history-filters summary').textContent()).toBe(
          'Filters',
        );
        expect(await scrollsSideways(page)).toBe(false);
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
