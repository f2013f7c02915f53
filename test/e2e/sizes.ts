// Issue 15's two screen sizes for the browser tests, a phone (390×844) and a laptop
// (1366×768), and a look at a page at the other size once a test's steps are done there.

import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { scrollsSideways } from './pages.ts';

export interface ScreenSize {
  readonly name: 'phone' | 'laptop';
  readonly width: number;
  readonly height: number;
}

export const PHONE: ScreenSize = { name: 'phone', width: 390, height: 844 };
export const LAPTOP: ScreenSize = { name: 'laptop', width: 1366, height: 768 };
export const SIZES: readonly ScreenSize[] = [PHONE, LAPTOP];

/** The viewport of a size, for `newContext` or `setViewportSize`. */
export const viewportOf = (size: ScreenSize) => ({ width: size.width, height: size.height });

/**
 * The page resized to `size`, with `shown` scrolled into view if given: it does not scroll
 * sideways, and its screenshot is `<name>-<size>` (plus the engine, browser.ts).
 */
export async function seenAt(
  page: Page,
  size: ScreenSize,
  name: string,
  shown?: Locator,
): Promise<void> {
  await page.setViewportSize(viewportOf(size));
  expect(await scrollsSideways(page)).toBe(false);
  await shown?.scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-${size.name}`);
}
