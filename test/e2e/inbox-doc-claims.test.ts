// Sentences of docs/web.md about the inbox that no other test held: what already waits when
// the inbox opens is not announced, and new work is announced once (Alerts); the shortcut
// list is a modal dialog that takes the focus, the transcript region is focusable and forms
// move the focus to their first field (Accessibility); Enter sends, Shift+Enter is a new line
// and Esc leaves the box (Composer); a queue item shows what Layout lists.

import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { eventually, handedOverChat, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 120_000;
/** The demo agents' capacity: with this many of his own, Alex is offered nothing. */
const CAPACITY = 3;

/** Records the beeps' oscillators and the notifications shown; the real APIs still run. */
const OBSERVE = `
  window.__beeps = 0;
  window.__notifications = [];
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__beeps += 1;
    return start.apply(this, args);
  };
  const Original = window.Notification;
  function Recorded(title, options) {
    window.__notifications.push(title + ': ' + ((options && options.body) || ''));
    return new Original(title, options);
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
  Recorded.requestPermission = (...args) => Original.requestPermission(...args);
  window.Notification = Recorded;
`;

const observed = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as { __beeps: number; __notifications: string[] };
    return { beeps: w.__beeps, notifications: [...w.__notifications] };
  });

/** Whether the element has the page's focus. */
const focused = (locator: Locator) =>
  locator.evaluate((el) => el === el.ownerDocument.activeElement);

/** Whether the form's first field has the focus. */
const firstFieldFocused = (form: Locator) =>
  form.evaluate(
    (el) => el.querySelector('input, select, textarea, button') === el.ownerDocument.activeElement,
  );

describeInChromium('the inbox as docs/web.md tells it', () => {
  const fixture = useChromiumAndServer();

  it(
    'announces only new work, once; a modal shortcut list, focusable transcript, focused forms, composer keys',
    async () => {
      const { baseUrl } = fixture.server;
      const alex = await login(
        baseUrl,
        fixture.server.demoAgent.email,
        fixture.server.demoAgent.password,
      );
      // Alex at capacity, so no offer comes to him: what waits stays plain waiting.
      const own: string[] = [];
      for (const name of ['Ada', 'Bo', 'Cy'].slice(0, CAPACITY)) {
        const id = await handedOverChat(fixture.server, name);
        await api(baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, { token: alex, body: {} });
        own.push(id);
      }
      const before = await handedOverChat(fixture.server, 'Olga');

      const inbox = await openInbox(fixture.browser, baseUrl, fixture.server.demoAgent, {
        permissions: ['notifications'],
        initScript: OBSERVE,
      });
      const page = inbox.page;
      await inbox.queueItem(before).waitFor();
      // The agent has clicked in the page, so the browser lets it play sound.
      await page.locator('.queue').click();
      const announcement = page.locator('#announcement');
      const after = await handedOverChat(fixture.server, 'Pavel');
      await inbox.queueItem(after).waitFor();
      await eventually(() => announcement.textContent()).toContain('Pavel');
      await eventually(async () => (await observed(page)).notifications.length).toBe(1);
      // Its queue item: customer, live wait, preview, priority, reasons (two at most),
      // sentiment, queue, channel and language (docs/web.md, Layout).
      const item = inbox.queueItem(after);
      expect(await item.locator('.qi-name').textContent()).toBe('Pavel');
      const wait = item.locator('.qi-wait');
      const waitedFirst = await wait.textContent();
      await eventually(() => wait.textContent()).not.toBe(waitedFirst);
      expect(await item.locator('.qi-preview').textContent()).toContain('88120');
      expect(await item.locator('.chip.prio').textContent()).toMatch(/^P\d+$/);
      const reasons = await item.locator('.chip--reason').count();
      expect(reasons).toBeGreaterThan(0);
      expect(reasons).toBeLessThanOrEqual(2);
      expect(await item.locator('.chip.sentiment').count()).toBe(1);
      expect(await item.locator('[data-field="queue"]').textContent()).toBe('Support');
      expect(await item.locator('.chips').textContent()).toContain('Web chat');
      expect(await item.locator('[title="Language"]').textContent()).toBe('EN');
      const beepsOfOne = (await observed(page)).beeps;
      expect(beepsOfOne).toBeGreaterThan(0);
      // A later change to the queue (a third arrival) proves the page has moved on: by then
      // Pavel was not announced again and Olga, there before the inbox opened, never was.
      const third = await handedOverChat(fixture.server, 'Quinn');
      await eventually(() => announcement.textContent()).toContain('Quinn');
      await eventually(async () => (await observed(page)).notifications.length).toBe(2);
      const seen = await observed(page);
      expect(seen.notifications.map((n) => n.split(' · ')[0])).toEqual([
        'New conversation waiting: Pavel',
        'New conversation waiting: Quinn',
      ]);
      expect(seen.beeps).toBe(2 * beepsOfOne);
      expect(await inbox.queueItem(third).count()).toBe(1);

      // The shortcut list: a modal dialog that takes the focus, and gives it back on Escape.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.getAttribute('aria-modal')).toBe('true');
      await eventually(() =>
        help.evaluate((el) => el.contains(el.ownerDocument.activeElement)),
      ).toBe(true);
      await page.keyboard.press('Escape');
      await eventually(() => help.count()).toBe(0);

      // One of Alex's own: the transcript region takes the focus (so it scrolls by keyboard).
      await inbox.queueItem(own[0]!).click();
      const messages = page.getByRole('region', { name: 'Messages' });
      await messages.waitFor();
      await messages.focus();
      expect(await focused(messages)).toBe(true);

      // The composer: Shift+Enter is a new line, Enter sends, Esc leaves the box.
      const reply = page.getByLabel('Reply to the customer');
      await reply.click();
      await page.keyboard.type('First line');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('second line');
      expect(await reply.inputValue()).toBe('First line\nsecond line');
      await page.keyboard.press('Enter');
      await eventually(() =>
        inbox.transcript.locator('.turn--agent').last().textContent(),
      ).toContain('second line');
      expect(await reply.inputValue()).toBe('');
      await reply.click();
      await page.keyboard.press('Escape');
      expect(await focused(reply)).toBe(false);

      // Forms move the focus to their first field: Transfer, then Resolve.
      await page.getByRole('button', { name: 'Transfer' }).click();
      const transfer = page.getByRole('form', { name: 'Transfer' });
      await transfer.waitFor();
      await eventually(() => firstFieldFocused(transfer)).toBe(true);
      await transfer.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Resolve' }).click();
      const resolve = page.getByRole('form', { name: 'Resolve' });
      await resolve.waitFor();
      await eventually(() => firstFieldFocused(resolve)).toBe(true);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
