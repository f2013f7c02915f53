// The inbox's account dialog in Chromium: an agent sees where they are signed in (a user
// agent written as HTML shows as text), revokes another session (it stops working at once),
// and changes their password: mistakes are explained, the change signs the other sessions
// out and keeps this one working.

import { expect, it } from 'vitest';
import { api } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox, scrollsSideways } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('inbox account: password and sessions', () => {
  const fixture = useChromiumAndServer();

  /** A session of Alex's opened elsewhere, with this user agent. */
  async function signInElsewhere(userAgent: string, password: string): Promise<string> {
    const r = await fetch(`${fixture.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email: 'alex@example.com', password }),
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { token: string }).token;
  }
  const me = async (token: string) =>
    (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token })).status;

  it(
    'lists sessions, revokes one, and changes the password',
    async () => {
      const hostile = '<img src=x onerror="window.pwned=1">Phone';
      const phone = await signInElsewhere(hostile, fixture.server.demoAgent.password);
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        {
          bypassCSP: true, // to inject axe-core
        },
      );
      const { page } = inbox;
      await page.getByRole('button', { name: /Alex.*account/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Your account' });
      const sessions = dialog.locator('.session-item');
      await eventually(() => sessions.count()).toBe(2);
      expect(await dialog.locator('.session-current').count()).toBe(1);
      expect(await dialog.textContent()).toContain(hostile);
      expect(await dialog.locator('img').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, 'inbox-account');

      await dialog.getByRole('button', { name: `Revoke the session from ${hostile}` }).click();
      await eventually(() => sessions.count()).toBe(1);
      expect(await me(phone)).toBe(401);

      // Mistakes are explained before anything changes.
      const next = 'a-longer-new-passphrase';
      const form = dialog.getByRole('form', { name: 'Change password' });
      await form.getByLabel('Current password').fill(fixture.server.demoAgent.password);
      await form.getByLabel('New password', { exact: true }).fill(next);
      await form.getByLabel('New password again').fill('something else entirely');
      await form.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => form.getByRole('alert').textContent()).toBe(
        'The two new passwords are not the same.',
      );
      await form.getByLabel('Current password').fill('not-my-password');
      await form.getByLabel('New password again').fill(next);
      await form.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => form.getByRole('alert').textContent()).toBe(
        'The current password is wrong.',
      );

      const laptop = await signInElsewhere('Laptop/1.0', fixture.server.demoAgent.password);
      await form.getByLabel('Current password').fill(fixture.server.demoAgent.password);
      await form.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => form.getByRole('status').textContent()).toBe(
        'Password changed. 1 other session(s) were signed out.',
      );
      expect(await me(laptop)).toBe(401);
      // This session stays signed in and live.
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.locator('.connection--open').waitFor();
      expect(await page.getByRole('navigation', { name: 'Conversations' }).isVisible()).toBe(true);
      await signInElsewhere('Check/1.0', next);
      expect(await page.evaluate('window.pwned')).toBeUndefined();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
