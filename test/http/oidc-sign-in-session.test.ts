/**
 * Agents signing in through an OpenID Connect provider (a jose stand-in on loopback), over a
 * real server on both engines, with a client that follows redirects and keeps cookies as a
 * browser does: the session the sign-in opens, handed to the inbox once in a sealed cookie,
 * works on the API, is noted for the log sentry, and needs no second factor from Baton.
 */
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { enrol, tryLogin } from '../helpers/two-factor.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startWithOidc, useOidcSignIn } from '../helpers/oidc-sign-in.ts';

describe.each(TEST_DATABASES)('OpenID Connect sign-in ($name)', (database) => {
  const oidc = useOidcSignIn(database);
  const { audit, signIn } = oidc;

  it.skipIf(database.skipReason)(
    'signs a known agent in, matching the email case-folded, and hands the session to the inbox once',
    async () => {
      const { s, provider } = oidc;
      const methods = await api(s.baseUrl, 'GET', '/api/v1/auth/methods');
      expect(methods.body).toEqual({
        password: true,
        oidc: { name: 'Stand-in ID', url: '/auth/oidc/login' },
      });

      const { browser, response, visited } = await signIn({
        email: 'Sam@Example.COM',
        email_verified: true,
      });
      expect(visited[1]).toMatch(new RegExp(`^${provider.issuer}/authorize\\?`));
      const authorize = new URL(visited[1]!).searchParams;
      expect(authorize.get('code_challenge_method')).toBe('S256');
      expect(authorize.get('state')).toBeTruthy();
      expect(authorize.get('nonce')).toBeTruthy();
      // The browser ends on the inbox; no URL on the way carried a session token.
      expect(new URL(visited.at(-1)!).pathname + new URL(visited.at(-1)!).search).toBe(
        '/inbox/?signin=oidc',
      );
      expect(response.status).toBeLessThan(500);

      // The flow's secrets and then the session travel only in sealed, HttpOnly cookies.
      const set = (name: string) => browser.setCookieLines.find((l) => l.startsWith(`${name}=`));
      expect(set('baton_oidc_flow')).toMatch(
        /Max-Age=600;.*Path=\/auth\/oidc;.*HttpOnly;.*SameSite=Lax/,
      );
      expect(set('baton_oidc_handoff')).toMatch(
        /Max-Age=60;.*Path=\/api\/v1\/auth\/oidc;.*HttpOnly;.*SameSite=Strict/,
      );

      const sealed = browser.cookie(s.baseUrl, 'baton_oidc_handoff');
      expect(sealed).toBeTruthy();
      const handoff = await browser.fetch(`${s.baseUrl}/api/v1/auth/oidc/handoff`, {
        method: 'POST',
      });
      expect(handoff.status).toBe(200);
      const { token, agent } = (await handoff.json()) as {
        token: string;
        agent: { email: string };
      };
      expect(agent.email).toBe('sam@example.com');
      expect(visited.some((url) => url.includes(token))).toBe(false);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token });
      expect([me.status, me.body.agent.email]).toEqual([200, 'sam@example.com']);
      // The sealed handoff does not show the token it carries.
      expect(set('baton_oidc_handoff')).not.toContain(token);
      // The session is an ordinary one, in the account's list of sessions.
      const sessions = await api(s.baseUrl, 'GET', '/api/v1/me/sessions', { token });
      expect(sessions.body.sessions.filter((x: { current: boolean }) => x.current)).toHaveLength(1);

      // Once only: the cookie is gone, and a replay of it is refused.
      const again = await browser.fetch(`${s.baseUrl}/api/v1/auth/oidc/handoff`, {
        method: 'POST',
      });
      expect([again.status, ((await again.json()) as any).error.code]).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      // A copy of the cookie taken before it was redeemed opens nothing either: redeeming
      // moved the session to the token answered above.
      const copied = await fetch(`${s.baseUrl}/api/v1/auth/oidc/handoff`, {
        method: 'POST',
        headers: { cookie: `baton_oidc_handoff=${sealed}` },
      });
      expect([copied.status, ((await copied.json()) as any).error.code]).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(200);

      const [row] = await audit('?action=session.logged_in&limit=1');
      expect(row).toMatchObject({ action: 'session.logged_in', changes: { method: 'oidc' } });
      expect(row.agent.id).toBe(me.body.agent.id);
    },
  );

  it.skipIf(database.skipReason)(
    "notes the session and the sealed cookie the sign-in browser received for the server's log sentry",
    async () => {
      const { provider } = oidc;
      // A server of its own: its close() is to fail on what its log is made to hold.
      const own = await startWithOidc(database.name, provider);
      const { browser } = await signIn({ email: 'sam@example.com', email_verified: true }, own);
      const sealed = browser.cookie(own.baseUrl, 'baton_oidc_handoff') ?? '';
      const handoff = await browser.fetch(`${own.baseUrl}/api/v1/auth/oidc/handoff`, {
        method: 'POST',
      });
      const { token } = (await handoff.json()) as { token: string };
      own.logSentry.stream.write(`{"msg":"handed over","session":"${token}"}\n`);
      own.logSentry.stream.write(`{"msg":"sealed","v":"${decodeURIComponent(sealed)}"}\n`);
      const closed = own.close();
      await expect(closed).rejects.toThrow(/token: .*handed over/);
      await expect(closed).rejects.toThrow(/token: .*sealed/);
    },
  );

  it.skipIf(database.skipReason)(
    'leaves the second factor to the provider: two-factor on, a password log-in needs the code and a provider sign-in does not',
    async () => {
      const { s } = oidc;
      const password = s.demoAgent.password;
      const sam = await login(s.baseUrl, 'sam@example.com', password);
      await enrol(s.baseUrl, sam, password, new Date());
      const byPassword = await tryLogin(s.baseUrl, { email: 'sam@example.com', password });
      expect([byPassword.status, byPassword.body.error.code]).toEqual([401, 'TOTP_REQUIRED']);

      const { browser } = await signIn({ email: 'sam@example.com', email_verified: true });
      const handoff = await browser.fetch(`${s.baseUrl}/api/v1/auth/oidc/handoff`, {
        method: 'POST',
      });
      expect(handoff.status).toBe(200);
      const { token } = (await handoff.json()) as { token: string };
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token });
      expect([me.status, me.body.agent.email]).toEqual([200, 'sam@example.com']);
    },
  );
});
