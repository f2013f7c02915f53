/**
 * OpenID Connect sign-in as configured: off (the routes answer a 404 page), or with a
 * provider that is not up yet (a 502 page naming it, and found once it is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api-client.ts';
import { freePort } from '../helpers/cluster/free-port.ts';
import { startOidcStandIn, type OidcStandIn } from '../helpers/oidc-stand-in.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

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
