/**
 * OpenID Connect sign-in with `autoCreate` and passwords off (test/helpers/oidc-sign-in.ts for
 * the set-up): an unknown email at an allowed domain becomes an agent, audited; the password
 * route refuses.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startWithOidc, useOidcSignIn } from '../helpers/oidc-sign-in.ts';

describe.each(TEST_DATABASES)('OpenID Connect sign-in ($name)', (database) => {
  const oidc = useOidcSignIn(database);
  const { signIn } = oidc;

  it.skipIf(database.skipReason)(
    'with autoCreate, makes an unknown email at an allowed domain an agent with no skills',
    async () => {
      const { provider } = oidc;
      const auto = await startWithOidc(database.name, provider, {
        BATON_OIDC_AUTO_CREATE: 'true',
        BATON_OIDC_ALLOWED_DOMAINS: 'example.com',
        BATON_PASSWORD_LOGIN: 'false',
      });
      try {
        const elsewhere = await signIn({ email: 'eve@elsewhere.test', email_verified: true }, auto);
        expect(elsewhere.response.status).toBe(403);
        expect(elsewhere.page).toContain('OIDC_ACCOUNT_REFUSED');

        const { browser } = await signIn(
          { email: 'Jo@example.com', email_verified: true, name: 'Jo Newcomer' },
          auto,
        );
        const handoff = await browser.fetch(`${auto.baseUrl}/api/v1/auth/oidc/handoff`, {
          method: 'POST',
        });
        const { token } = (await handoff.json()) as { token: string };
        const me = await api(auto.baseUrl, 'GET', '/api/v1/me', { token });
        expect(me.body.agent).toMatchObject({
          email: 'jo@example.com',
          name: 'Jo Newcomer',
          role: 'agent',
          skills: [],
        });

        // Passwords are off on this server: the password route refuses even a right one.
        const password = await api(auto.baseUrl, 'POST', '/api/v1/auth/login', {
          body: { email: 'morgan@example.com', password: auto.demoAgent.password },
        });
        expect([password.status, password.body.error.code]).toEqual([
          403,
          'PASSWORD_LOGIN_DISABLED',
        ]);
        expect((await api(auto.baseUrl, 'GET', '/api/v1/auth/methods')).body.password).toBe(false);

        // The admin signs in through the provider too, and finds the creation audited.
        const morgan = await signIn({ email: 'morgan@example.com', email_verified: true }, auto);
        const adminToken = (
          (await (
            await morgan.browser.fetch(`${auto.baseUrl}/api/v1/auth/oidc/handoff`, {
              method: 'POST',
            })
          ).json()) as { token: string }
        ).token;
        const [created] = (
          await api(auto.baseUrl, 'GET', '/api/v1/team/audit?action=agent.created&limit=1', {
            token: adminToken,
          })
        ).body.entries;
        expect(created).toMatchObject({
          actor: { id: me.body.agent.id },
          agent: { id: me.body.agent.id },
          changes: { email: 'jo@example.com', role: 'agent', skills: [], method: 'oidc' },
        });
      } finally {
        await auto.close();
      }
    },
  );
});
