// The inbox opened at laptop size (1366×768) and then resized to a phone (390×844): a rotated
// tablet or a narrowed window. The handoff card stays open (inbox-workspace.test.ts holds it
// open after a resize to tablet width), but its scrolling box gives way so that the transcript
// keeps a usable height and Send stays on the screen. Opened directly at phone size the card
// starts collapsed (inbox-phone.test.ts), so only a resize shows this.
// SQLite only: the test is about layout, not about the store's writes.

import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';
import { eventually, handedOverChat, openInbox, scrollsSideways } from './pages.ts';
import { LAPTOP, PHONE, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
/** Room for a few turns of the transcript: below this the agent cannot read while replying. */
const USABLE_TRANSCRIPT_HEIGHT = 150;

/** Whether the element lies wholly inside the viewport. */
async function insideViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  );
}

describeInChromium('the inbox resized from laptop to phone', () => {
  const fixture = useChromiumAndServer({ server: () => ({ engine: 'sqlite' }) });

  it(
    'keeps the transcript usable and Send on the screen with the handoff card open',
    async () => {
      const id = await handedOverChat(fixture.server, 'Priya');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { viewport: viewportOf(LAPTOP) },
      );
      const { page } = inbox;
      const item = inbox.queueItem(id);
      await item.waitFor({ timeout: 15_000 });
      await item.click();
      const pane = page.locator('.pane');
      await pane.getByRole('button', { name: 'Accept' }).click();
      await eventually(() => page.locator('.pane-header .status').textContent()).toBe('Assigned');
      const toggle = page.locator('.handoff-card .handoff-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');

      await page.setViewportSize(viewportOf(PHONE));
      const send = pane.getByRole('button', { name: 'Send', exact: true });
      const messages = page.getByRole('region', { name: 'Messages' });
      await eventually(() => insideViewport(page, send)).toBe(true);
      await eventually(
        async () => (await messages.boundingBox())?.height ?? 0,
      ).toBeGreaterThanOrEqual(USABLE_TRANSCRIPT_HEIGHT);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'inbox-resized-laptop-to-phone');

      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
