/**
 * Agents signing in through an OpenID Connect provider (a jose stand-in on loopback,
 * test/helpers/oidc-stand-in.ts), over a real server on both engines, with a client that
 * follows redirects and keeps cookies as a browser does: the session it opens works on the
 * API; wrong state, a token with the wrong nonce or audience, an unverified email, an unknown
 * or disabled account are each refused with a page and a 4xx code; every outcome is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { BrowserClient } from '../helpers/browser-client.ts';
import { freePort } from '../helpers/cluster/free-port.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { oidcServerEnv, startOidcStandIn, type OidcStandIn } from '../helpers/oidc-stand-in.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { enrol, tryLogin } from '../helpers/two-factor.ts';

/** A Baton server signing agents in through `provider`. */
async function startWithOidc(
  engine: 'sqlite' | 'postgres',
  provider: OidcStandIn,
  env: Record<string, string> = {},
): Promise<TestServer> {
  return startTestServer({ engine, env: await oidcServerEnv(provider, env) });
}

describe.each(TEST_DATABASES)('OpenID Connect sign-in ($name)', (database) => {
  let provider: OidcStandIn;
  let s: TestServer;
  let admin: string;
  const audit = async (query: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/team/audit${query}`, { token: admin })).body.entries;

  /** Signs in at the provider as `user`; the last response and the browser. */
  const signIn = async (user: OidcStandIn['user'], server = s) => {
    provider.user = user;
    const browser = new BrowserClient();
    const { response, visited } = await browser.navigate(`${server.baseUrl}/auth/oidc/login`);
    return { browser, response, visited, page: await response.text() };
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    provider = await startOidcStandIn();
    s = await startWithOidc(database.name, provider);
    admin = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    await provider?.close();
  });

  it.skipIf(database.skipReason)(
    'signs a known agent in, matching the email case-folded, and hands the session to the inbox once',
    async () => {
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

  it.skipIf(database.skipReason)(
    'refuses a callback whose state does not match, with 400',
    async () => {
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

  it.skipIf(database.skipReason)(
    'with autoCreate, makes an unknown email at an allowed domain an agent with no skills',
    async () => {
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

describe('without auth.oidc', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says so to the login page and answers the routes with a 404 page', async () => {
    expect((await api(s.baseUrl, 'GET', '/api/v1/auth/methods')).body).toEqual({
      password: true,
      oidc: null,
    });
    const r = await fetch(`${s.baseUrl}/auth/oidc/login`, { redirect: 'manual' });
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('OIDC_NOT_CONFIGURED');
  });
});

describe('with the identity provider unreachable', () => {
  let s: TestServer;
  let nobody: number;
  let late: OidcStandIn | undefined;
  beforeAll(async () => {
    const port = await freePort();
    nobody = await freePort();
    s = await startTestServer({
      env: {
        PORT: String(port),
        BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
        BATON_OIDC_ISSUER: `http://127.0.0.1:${nobody}`,
        BATON_OIDC_CLIENT_ID: 'baton',
        BATON_OIDC_CLIENT_SECRET: 'a-client-secret-of-32-characters',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    await late?.close();
  });

  it('starts anyway, answers a sign-in with a page naming the provider, and finds it once up', async () => {
    const r = await fetch(`${s.baseUrl}/auth/oidc/login`, { redirect: 'manual' });
    expect(r.status).toBe(502);
    const page = await r.text();
    expect(page).toContain('OIDC_PROVIDER_UNAVAILABLE');
    expect(page).toContain('did not answer its discovery document');
    // Passwords still work meanwhile.
    expect((await api(s.baseUrl, 'GET', '/api/v1/auth/methods')).body.password).toBe(true);

    // Once the provider is up, the next sign-in finds it.
    late = await startOidcStandIn(nobody);
    const again = await fetch(`${s.baseUrl}/auth/oidc/login`, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(new RegExp(`^${late.issuer}/authorize\\?`));
  });
});
