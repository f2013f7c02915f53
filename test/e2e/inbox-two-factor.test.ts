// Two-factor sign-in in the inbox, in Chromium: an agent sets it up in the account dialog
// (the key and the otpauth:// link shown as text, a wrong code explained, the recovery codes
// shown once), the sign-in form then asks for a code when the server says TOTP_REQUIRED; and
// with auth.requireTotp, an account without it is taken through the setup before the inbox.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { codeAt } from '../helpers/two-factor.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

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

describeInChromium('inbox: two-factor sign-in', () => {
  const fixture = useChromiumAndServer();

  it(
    'sets it up in the account dialog; then signing in asks for a code',
    async () => {
      const sam = { email: 'sam@example.com', password: fixture.server.demoAgent.password };
      const { page } = await openInbox(fixture.browser, fixture.server.baseUrl, sam, {
        bypassCSP: true,
      });
      await page.getByRole('button', { name: /Sam.*account/ }).click();
      const { section, recoveryCodes } = await setUp(page, sam.password);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'inbox-two-factor');
      await section.getByRole('button', { name: 'I have saved them' }).click();
      await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).waitFor();

      const signIn = await (await fixture.browser.newContext()).newPage();
      await signIn.goto(`${fixture.server.baseUrl}/inbox/`);
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

describeInChromium('inbox: two-factor sign-in required', () => {
  const fixture = useChromiumAndServer({ server: { env: { BATON_REQUIRE_TOTP: 'true' } } });

  it(
    'takes an account without it through the setup before the inbox',
    async () => {
      const page = await (await fixture.browser.newContext()).newPage();
      await page.goto(`${fixture.server.baseUrl}/inbox/`);
      await page.getByLabel('Email').fill('riley@example.com');
      await page.getByLabel('Password').fill(fixture.server.demoAgent.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
      const { section } = await setUp(page, fixture.server.demoAgent.password);
      await section.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
      await page.locator('.connection--open').waitFor();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
