// The inbox on a phone (390×844) while its socket reconnects: the top bar's "Reconnecting…"
// still fits the row, so the page never scrolls sideways and the Menu button, Accept and
// Resolve stay on the screen, uncovered, and answer a tap.

import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { allowInboxSocket, BLOCKABLE_SOCKET, blockInboxSocket } from './blockable-socket.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';
import { eventually, handedOverChat, onFirstScreen, openInbox, scrollsSideways } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const PHONE = { width: 390, height: 844 };

describeInChromium('the inbox on a phone while the socket reconnects', () => {
  const fixture = useChromiumAndServer();

  /** The page's width as laid out (scrollWidth) and as shown (the viewport). */
  const widths = (page: Page) =>
    page.evaluate(() => {
      const view = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return { scrollWidth: view.document.documentElement.scrollWidth, viewport: view.innerWidth };
    });

  /** Inside the viewport by its layout box, and nothing covers it (a tap reaches it). */
  async function onScreen(page: Page, control: Locator, what: string): Promise<void> {
    await control.waitFor();
    const box = await control.boundingBox();
    expect(box, `${what} has no box`).not.toBeNull();
    if (!box) return;
    expect(box.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${what} ends right of the screen`).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height, `${what} ends below the screen`).toBeLessThanOrEqual(PHONE.height);
    expect(await onFirstScreen(page, control), `${what} is covered or clipped`).toBe(true);
  }

  async function fits(page: Page): Promise<void> {
    const { scrollWidth, viewport } = await widths(page);
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(viewport);
    expect(await scrollsSideways(page)).toBe(false);
  }

  it(
    'keeps the Menu button, Accept and Resolve on the screen while "Reconnecting…" shows',
    async () => {
      const id = await handedOverChat(fixture.server, 'Ines');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { viewport: PHONE, initScript: BLOCKABLE_SOCKET },
      );
      const { page } = inbox;
      const bar = page.getByRole('banner');
      const item = inbox.queueItem(id);
      await page
        .getByRole('region', { name: 'Offered to you' })
        .locator(`[data-conversation-id="${id}"]`)
        .waitFor({ timeout: 15_000 });

      // The socket drops and cannot come back for now: the bar says so.
      await blockInboxSocket(page);
      await eventually(() => page.locator('.connection').textContent()).toBe('Reconnecting…');
      await screenshot(page, 'inbox-phone-reconnecting');
      await fits(page);
      const menu = bar.getByRole('button', { name: 'Menu' });
      await onScreen(page, menu, 'Menu');
      await onScreen(page, bar.getByLabel('Your status'), 'the status');
      await onScreen(page, page.locator('.connection'), '"Reconnecting…"');
      // Online chosen now keeps the agent offline until the inbox is back, and says so.
      const status = bar.getByLabel('Your status');
      await status.selectOption('online');
      await page
        .getByRole('status')
        .filter({ hasText: 'you will be online when the inbox reconnects' })
        .waitFor();
      await eventually(() => status.inputValue()).toBe('offline');
      await fits(page);
      await onScreen(page, menu, 'Menu');
      await onScreen(page, page.locator('.connection'), '"Reconnecting…"');
      // The Menu button answers a tap: its items show, inside the screen.
      await menu.click();
      await eventually(() => menu.getAttribute('aria-expanded')).toBe('true');
      await onScreen(page, bar.getByRole('button', { name: 'Sign out' }), 'Sign out');
      await fits(page);
      await menu.click();
      await eventually(() => menu.getAttribute('aria-expanded')).toBe('false');

      // The conversation, still reconnecting: Accept and Resolve on the screen and working.
      await item.click();
      const pane = page.locator('.pane');
      const accept = pane.getByRole('button', { name: 'Accept' });
      await onScreen(page, accept, 'Accept');
      await fits(page);
      await accept.click();
      await eventually(() => page.locator('.pane-header .status').textContent()).toBe('Assigned');
      const resolve = pane.getByRole('button', { name: 'Resolve', exact: true });
      await onScreen(page, resolve, 'Resolve');
      await fits(page);
      await screenshot(page, 'inbox-phone-reconnecting-conversation');
      await resolve.click();
      await page.getByRole('form', { name: 'Resolve' }).waitFor();
      await fits(page);

      await allowInboxSocket(page);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
