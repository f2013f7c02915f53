/**
 * OpenID Connect sign-in refused (test/helpers/oidc-sign-in.ts for the set-up): wrong state,
 * an ID token with the wrong nonce or audience, an unverified email, an unknown or disabled
 * account are each a page with a 4xx code, and each is audited.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/api-client.ts';
import { BrowserClient } from '../helpers/browser-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { useOidcSignIn } from '../helpers/oidc-sign-in.ts';

describe.each(TEST_DATABASES)('OpenID Connect sign-in ($name)', (database) => {
  const oidc = useOidcSignIn(database);
  const { audit, signIn } = oidc;

  it.skipIf(database.skipReason)(
    'refuses a callback whose state does not match, with 400',
    async () => {
      const { s, provider } = oidc;
      provider.user = { email: 'alex@example.com', email_verified: true };
      const browser = new BrowserClient();
      const start = await browser.fetch(`${s.baseUrl}/auth/oidc/login`);
      const at = await browser.fetch(start.headers.get('location')!);
      const back = new URL(at.headers.get('location')!);
      back.searchParams.set('state', 'forged-state');
      const callback = await browser.fetch(back.href);
      expect(callback.status).toBe(400);
      const page = await callback.text();
      expect(page).toContain('OIDC_STATE_INVALID');

      // Without the flow cookie (another browser), the provider's genuine answer is refused too.
      const stranger = await new BrowserClient().fetch(at.headers.get('location')!);
      expect(stranger.status).toBe(400);
      expect(await stranger.text()).toContain('OIDC_STATE_INVALID');
    },
  );

  it.skipIf(database.skipReason)(
    'refuses an ID token with the wrong nonce or audience',
    async () => {
      const { s, provider } = oidc;
      for (const tamper of [{ nonce: 'not-the-one-sent' }, { aud: 'another-client' }]) {
        provider.tamper = tamper;
        const { response, page, browser } = await signIn({
          email: 'alex@example.com',
          email_verified: true,
        });
        provider.tamper = {};
        expect(response.status).toBe(401);
        expect(page).toContain('OIDC_REJECTED');
        expect(browser.cookie(s.baseUrl, 'baton_oidc_handoff')).toBeUndefined();
      }
      const [row] = await audit('?action=session.login_failed&limit=1');
      expect(row.changes).toMatchObject({ method: 'oidc', reason: 'OIDC_REJECTED' });
    },
  );

  it.skipIf(database.skipReason)(
    'refuses an unverified email, an unknown email and a disabled account',
    async () => {
      const { s, admin } = oidc;
      const unverified = await signIn({ email: 'alex@example.com', email_verified: false });
      expect(unverified.response.status).toBe(403);
      expect(unverified.page).toContain('OIDC_EMAIL_UNVERIFIED');
      const unclaimed = await signIn({ email: 'alex@example.com' });
      expect(unclaimed.response.status).toBe(403);
      expect(unclaimed.page).toContain('OIDC_EMAIL_UNVERIFIED');

      const unknown = await signIn({ email: 'newcomer@example.com', email_verified: true });
      expect(unknown.response.status).toBe(403);
      expect(unknown.page).toContain('OIDC_ACCOUNT_REFUSED');
      expect(unknown.page).toContain('No Baton account has the email newcomer@example.com');
      const team = await api(s.baseUrl, 'GET', '/api/v1/team/agents', { token: admin });
      expect(team.body.agents.map((a: { email: string }) => a.email)).not.toContain(
        'newcomer@example.com',
      );
      const [failed] = await audit('?action=session.login_failed&limit=1');
      expect(failed.changes).toMatchObject({
        method: 'oidc',
        reason: 'OIDC_ACCOUNT_REFUSED',
        email: 'newcomer@example.com',
      });

      const riley = team.body.agents.find(
        (a: { email: string }) => a.email === 'riley@example.com',
      );
      const off = await api(s.baseUrl, 'POST', `/api/v1/team/agents/${riley.id}/disable`, {
        token: admin,
      });
      expect(off.status).toBe(200);
      const disabled = await signIn({ email: 'riley@example.com', email_verified: true });
      expect(disabled.response.status).toBe(403);
      expect(disabled.page).toContain('is disabled');
      const [refused] = await audit('?action=session.login_failed&limit=1');
      expect([refused.agent.id, refused.changes.reason]).toEqual([
        riley.id,
        'OIDC_ACCOUNT_REFUSED',
      ]);
    },
  );
});
