/**
 * The set-up the OpenID Connect sign-in tests share (test/http/oidc-sign-in-*.test.ts): a
 * jose stand-in provider on loopback (oidc-stand-in.ts), a real Baton server signing agents in
 * through it, the admin's session for the audit log, and a sign-in by a browser-like client
 * that follows redirects and keeps cookies.
 */
import { afterAll, beforeAll } from 'vitest';
import { api, login } from './api-client.ts';
import { BrowserClient } from './browser-client.ts';
import type { TestDatabase } from './databases.ts';
import { oidcServerEnv, startOidcStandIn, type OidcStandIn } from './oidc-stand-in.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** A Baton server signing agents in through `provider`. */
export async function startWithOidc(
  engine: 'sqlite' | 'postgres',
  provider: OidcStandIn,
  env: Record<string, string> = {},
): Promise<TestServer> {
  return startTestServer({ engine, env: await oidcServerEnv(provider, env) });
}

export interface OidcSignInSetup {
  readonly provider: OidcStandIn;
  readonly s: TestServer;
  /** The demo admin's (Morgan's) session on `s`. */
  readonly admin: string;
  /** The audit log's entries for `query` (`?action=…&limit=…`), read by the admin. */
  audit(query: string): Promise<any[]>;
  /** Signs in at the provider as `user`; the browser, its last response, the URLs it visited. */
  signIn(
    user: OidcStandIn['user'],
    server?: TestServer,
  ): Promise<{ browser: BrowserClient; response: Response; visited: string[]; page: string }>;
}

/**
 * Starts a provider and a server on `database` before the enclosing `describe`'s tests and
 * closes both after them (nothing, when the engine is skipped); read the fields in tests.
 */
export function useOidcSignIn(database: TestDatabase): OidcSignInSetup {
  let provider: OidcStandIn | undefined;
  let server: TestServer | undefined;
  let admin = '';
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the OpenID Connect set-up has no ${what} yet`);
    return value;
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    provider = await startOidcStandIn();
    server = await startWithOidc(database.name, provider);
    admin = await login(server.baseUrl, 'morgan@example.com', server.demoAgent.password);
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });

  const setup: OidcSignInSetup = {
    get provider() {
      return started(provider, 'provider');
    },
    get s() {
      return started(server, 'server');
    },
    get admin() {
      return admin;
    },
    async audit(query) {
      const s = setup.s;
      return (await api(s.baseUrl, 'GET', `/api/v1/team/audit${query}`, { token: admin })).body
        .entries;
    },
    async signIn(user, on = setup.s) {
      setup.provider.user = user;
      const browser = new BrowserClient();
      const { response, visited } = await browser.navigate(`${on.baseUrl}/auth/oidc/login`);
      return { browser, response, visited, page: await response.text() };
    },
  };
  return setup;
}
