// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
// playwright-core. Absent Chromium skips the tests with a reason, except under CI=true,
// where a missing browser must fail instead of passing silently.

import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { noteTokensThePagesReceive } from './browser-tokens.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results';

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissingReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `${CHROMIUM_PATH} not found (install Debian's chromium package)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run under CI: ${reason}`);
  return reason;
}

/**
 * Headless Chromium whose pages' tokens the servers' log sentries look for (browser-tokens.ts);
 * `extraArgs` adds switches (e.g. fake media devices).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
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
  noteTokensThePagesReceive(browser);
  return browser;
}

/** The engine of the describe running now when it runs on more than one (see below). */
let engineInNames: 'sqlite' | 'postgres' | null = null;

/**
 * Screenshots taken from now on carry this engine in their name (`inbox-phone-list-postgres`),
 * so a test that runs on both engines keeps both sets; null for one engine (plain names).
 * chromium-fixture.ts sets it for a describe whose server is given an engine.
 */
export function nameScreenshotsByEngine(engine: 'sqlite' | 'postgres' | null): void {
  engineInNames = engine;
}

/** Where `screenshot` saves `name`: test-results/<name>[-<engine>].png. */
export function screenshotPath(name: string): string {
  return `${SCREENSHOT_DIR}/${name}${engineInNames ? `-${engineInNames}` : ''}.png`;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: screenshotPath(name) });
}
