// The widget's message list when the page is resized (phone → laptop, a rotated tablet): the
// panel fills a phone's screen but is 600 px tall on a laptop, so the list shrinks under the
// reader. One who was at the latest message still sees it; one who had scrolled up to read
// stays where they were. Layout only, so the default server (SQLite) is enough.

import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';
import { eventually, openShop } from './pages.ts';
import { LAPTOP, PHONE, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const QUESTIONS = [
  'How long does shipping take?',
  'Do you ship to Canada?',
  'How do I return an item?',
  'What payment methods do you accept?',
  'How long does shipping take to Germany?',
];

/** What the test reads of the scrolling list (the tests compile without DOM types). */
interface Scroller {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

/** How far the list is scrolled from its bottom, in px. */
const belowView = (log: Locator) =>
  log.evaluate((el) => {
    const box = el as unknown as Scroller;
    return box.scrollHeight - box.scrollTop - box.clientHeight;
  });

describeInChromium('the widget resized', () => {
  const fixture = useChromiumAndServer();

  it(
    'keeps the latest message in view at the bottom, and a reader who scrolled up where they were',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
      });
      await shop.open();
      for (const [i, question] of QUESTIONS.entries()) {
        await shop.send(question);
        await eventually(() => shop.bubbles('bot').count()).toBeGreaterThan(i + 1);
      }
      // Enough to scroll on the laptop, where the panel is shorter.
      await eventually(() =>
        shop.log.evaluate((el) => (el as unknown as Scroller).scrollHeight),
      ).toBeGreaterThan(700);
      await eventually(() => belowView(shop.log)).toBeLessThan(2);

      await shop.page.setViewportSize(viewportOf(LAPTOP));
      await eventually(() => belowView(shop.log)).toBeLessThan(2);
      await shop.bubbles('bot').last().waitFor();
      await screenshot(shop.page, 'widget-resized-phone-to-laptop');

      // Scrolled up to read: resizing does not move the list.
      await shop.log.evaluate((el) => {
        (el as unknown as Scroller).scrollTop = 40;
      });
      await eventually(() => shop.log.evaluate((el) => (el as unknown as Scroller).scrollTop)).toBe(
        40,
      );
      for (const size of [PHONE, LAPTOP]) {
        await shop.page.setViewportSize(viewportOf(size));
        // Two frames: a resize is handled in the frame after layout.
        await shop.page.evaluate(
          () =>
            new Promise((done) =>
              (
                globalThis as unknown as { requestAnimationFrame(f: () => void): void }
              ).requestAnimationFrame(() =>
                (
                  globalThis as unknown as { requestAnimationFrame(f: () => void): void }
                ).requestAnimationFrame(() => done(null)),
              ),
            ),
        );
        expect(await shop.log.evaluate((el) => (el as unknown as Scroller).scrollTop)).toBe(40);
      }

      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
