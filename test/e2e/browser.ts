// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
// playwright-core. Absent Chromium skips the tests with a reason, except under CI=true,
// where a missing browser must fail instead of passing silently.

import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results';

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissingReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `${CHROMIUM_PATH} not found (install Debian's chromium package)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run under CI: ${reason}`);
  return reason;
}

/** Headless Chromium; `extraArgs` adds switches (e.g. fake media devices). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}
