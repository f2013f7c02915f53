// Two-factor sign-in in the inbox, in Chromium: an agent sets it up in the account dialog
// (the key and the otpauth:// link shown as text, a wrong code explained, the recovery codes
// shown once), the sign-in form then asks for a code when the server says TOTP_REQUIRED; and
// with auth.requireTotp, an account without it is taken through the setup before the inbox.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codeAt } from '../helpers/two-factor.ts';
import { axeViolations } from './axe.ts';
import { chromiumMissingReason, launchChromium, screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { ensureWebBuild } from './web-build.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const missing = chromiumMissingReason();
if (missing) console.warn(`Skipping browser tests: ${missing}`);

/** Sets two-factor up in the section on screen; answers the secret and the recovery codes. */
async function setUp(page: Page, password: string) {
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByLabel('Your password').fill(password);
  await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const secret = (await section.locator('.totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const uri = (await section.locator('.totp-uri').textContent()) ?? '';
  expect(uri.startsWith('otpauth://totp/Baton:')).toBe(true);
  expect(uri).toContain(`secret=${secret}`);
  await section.getByLabel('Code from the app').fill('000000');
  await section.getByRole('button', { name: 'Turn on' }).click();
  await eventually(() => section.getByRole('alert').textContent()).toBe(
    'The two-factor code is wrong, expired or already used.',
  );
  await section.getByLabel('Code from the app').fill(codeAt(secret, new Date()));
  await section.getByRole('button', { name: 'Turn on' }).click();
  await eventually(() => section.getByRole('status').textContent()).toBe(
    'Two-factor sign-in is on.',
  );
  const recoveryCodes = await section.locator('.recovery-codes code').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { section, secret, recoveryCodes };
}

describe.skipIf(missing !== null)('inbox: two-factor sign-in', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ webRoot: 'dist/web' });
    browser = await launchChromium();
  }, BROWSER_TEST_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'sets it up in the account dialog; then signing in asks for a code',
    async () => {
      const sam = { email: 'sam@example.com', password: server.demoAgent.password };
      const { page } = await openInbox(browser, server.baseUrl, sam, { bypassCSP: true });
      await page.getByRole('button', { name: /Sam.*account/ }).click();
      const { section, recoveryCodes } = await setUp(page, sam.password);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'inbox-two-factor');
      await section.getByRole('button', { name: 'I have saved them' }).click();
      await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).waitFor();

      const signIn = await (await browser.newContext()).newPage();
      await signIn.goto(`${server.baseUrl}/inbox/`);
      await signIn.getByLabel('Email').fill(sam.email);
      await signIn.getByLabel('Password').fill(sam.password);
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      const codeField = signIn.getByLabel('Code from your authenticator app');
      await codeField.waitFor();
      await codeField.fill('123456');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => signIn.getByRole('alert').textContent()).toBe(
        'That code is wrong or already used.',
      );
      await codeField.fill(recoveryCodes[0] ?? '');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await signIn.getByRole('navigation', { name: 'Conversations' }).waitFor();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe.skipIf(missing !== null)('inbox: two-factor sign-in required', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startTestServer({ webRoot: 'dist/web', env: { BATON_REQUIRE_TOTP: 'true' } });
    browser = await launchChromium();
  }, BROWSER_TEST_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'takes an account without it through the setup before the inbox',
    async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${server.baseUrl}/inbox/`);
      await page.getByLabel('Email').fill('riley@example.com');
      await page.getByLabel('Password').fill(server.demoAgent.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
      const { section } = await setUp(page, server.demoAgent.password);
      await section.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
      await page.locator('.connection--open').waitFor();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
