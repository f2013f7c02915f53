/**
 * Browser-facing security: the API answers CORS only for the sites configured to embed the
 * widget, and Baton's pages carry headers that stop framing and foreign scripts while the
 * widget script stays loadable from other sites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startVoiceServer, type VoiceServer } from '../helpers/voice-server.ts';

const SHOP = 'https://shop.example';

async function preflight(s: TestServer, origin: string) {
  return fetch(`${s.baseUrl}/api/v1/conversations`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });
}

describe('CORS for the sites that embed the widget', () => {
  let s: TestServer;
  let closed: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: { BATON_WIDGET_ORIGINS: `${SHOP}, https://www.shop.example` },
    });
    closed = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
    await closed?.close();
  });

  it('allows a configured origin, without credentials', async () => {
    const r = await preflight(s, SHOP);
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(r.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const created = await fetch(`${s.baseUrl}/api/v1/conversations`, {
      method: 'POST',
      headers: { origin: SHOP, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('says nothing to other origins, and nothing at all when no site is configured', async () => {
    for (const [server, origin] of [
      [s, 'https://evil.example'],
      [s, 'http://shop.example'],
      [closed, SHOP],
    ] as const) {
      const r = await preflight(server, origin);
      expect(r.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('refuses an origin that is not scheme://host in the configuration', async () => {
    await expect(
      startTestServer({ env: { BATON_WIDGET_ORIGINS: 'shop.example/path' } }),
    ).rejects.toThrow(/BATON_WIDGET_ORIGINS \(env\) → server\.widgetOrigins/);
  });
});

describe('security headers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ webRoot: 'dist/web' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps the inbox from being framed or running foreign scripts', async () => {
    const r = await fetch(`${s.baseUrl}/api/v1/openapi.json`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets other sites load the widget script', async () => {
    const r = await fetch(`${s.baseUrl}/healthz`);
    expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

/** One directive of a Content-Security-Policy header, as its list of sources. */
function directive(csp: string, name: string): string[] {
  const found = csp.split(';').find((d) => d.trim().startsWith(`${name} `));
  return found ? found.trim().split(/\s+/).slice(1) : [];
}

describe("the inbox's CSP and the Twilio Voice SDK", () => {
  let withBrowser: VoiceServer;
  let phonesOnly: VoiceServer;
  beforeAll(async () => {
    withBrowser = await startVoiceServer({
      clock: () => new Date(),
      env: {
        BATON_VOICE_API_KEY_SID: 'SK0123456789abcdef0123456789abcdef',
        BATON_VOICE_API_KEY_SECRET: 'the-api-key-secret-of-the-test',
      },
    });
    phonesOnly = await startVoiceServer({ clock: () => new Date() });
  });
  afterAll(async () => {
    await withBrowser?.close();
    await phonesOnly?.close();
  });

  const csp = async (v: VoiceServer) =>
    (await fetch(`${v.server.baseUrl}/inbox/`)).headers.get('content-security-policy') ?? '';

  it("lists the SDK's signalling, sounds and call-quality hosts when calls can ring in the browser", async () => {
    const policy = await csp(withBrowser);
    expect(directive(policy, 'connect-src')).toEqual([
      "'self'",
      'ws:',
      'wss:',
      'wss://voice-js.roaming.twilio.com',
      'https://sdk.twilio.com',
      'https://eventgw.twilio.com',
      ...['au1', 'br1', 'de1', 'ie1', 'jp1', 'sg1', 'us1', 'us2'].map(
        (home) => `https://eventgw.${home}.twilio.com`,
      ),
    ]);
    expect(directive(policy, 'media-src')).toEqual(["'self'", 'https://sdk.twilio.com']);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
  });

  it('names no Twilio host when no agent can take calls in the browser', async () => {
    const policy = await csp(phonesOnly);
    expect(policy).not.toMatch(/twilio/);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(directive(policy, 'media-src')).toEqual(["'self'"]);
  });
});
