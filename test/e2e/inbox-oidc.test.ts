// The inbox's "Sign in with …" button in Chromium, against the stand-in identity provider
// (test/helpers/oidc-stand-in.ts): the button is there when auth.oidc is configured, a click
// goes through the provider and back, and the inbox opens signed in, the token kept in
// sessionStorage as a password sign-in keeps it and never shown in the address bar. With
// passwords off, the button is all the page offers.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../helpers/api-client.ts';
import { oidcServerEnv, startOidcStandIn, type OidcStandIn } from '../helpers/oidc-stand-in.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('inbox sign-in through an identity provider', () => {
  let provider: OidcStandIn;
  beforeAll(async () => {
    provider = await startOidcStandIn();
  });
  afterAll(async () => {
    await provider?.close();
  });
  const fixture = useChromiumAndServer({
    server: async () => ({ env: await oidcServerEnv(provider) }),
  });

  it(
    'signs in with the provider button and keeps the token out of the address bar',
    async () => {
      provider.user = { email: 'alex@example.com', email_verified: true, name: 'Alex' };
      const context = await fixture.browser.newContext({ bypassCSP: true }); // to inject axe-core
      const page = await context.newPage();
      const visited: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) visited.push(frame.url());
      });
      await page.goto(`${fixture.server.baseUrl}/inbox/`);
      const button = page.getByRole('link', { name: 'Sign in with Stand-in ID' });
      await button.waitFor();
      // The password form stays: auth.passwordLogin is on by default.
      expect(await page.getByLabel('Password').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'inbox-oidc-login');

      await button.click();
      await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
      await page.locator('.connection--open').waitFor();
      expect(new URL(page.url()).search).toBe('');

      const stored = await page.evaluate(() =>
        (
          globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
        ).sessionStorage.getItem('baton:inbox:session'),
      );
      const { token, agent } = JSON.parse(stored ?? '{}') as {
        token: string;
        agent: { email: string };
      };
      expect(agent.email).toBe('alex@example.com');
      expect((await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(200);
      expect(visited.some((url) => url.includes(token))).toBe(false);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'shows only the provider button when passwords are off',
    async () => {
      const noPasswords = await startTestServer({
        env: await oidcServerEnv(provider, { BATON_PASSWORD_LOGIN: 'false' }),
      });
      const context = await fixture.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${noPasswords.baseUrl}/inbox/`);
        await page.getByRole('link', { name: 'Sign in with Stand-in ID' }).waitFor();
        expect(await page.getByLabel('Password').count()).toBe(0);
        expect(await page.getByLabel('Email').count()).toBe(0);
      } finally {
        await context.close();
        await noPasswords.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
