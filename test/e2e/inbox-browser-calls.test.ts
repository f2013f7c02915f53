// Calls in this browser, in the inbox against a server with channels.voice.browserClient: an
// agent without a phone asks for their Access Token once after signing in, the Twilio SDK's
// chunk loads, and, as this machine cannot reach Twilio, the panel says "Unavailable" with the
// SDK's error text, never "Ready" (and axe-core finds nothing serious in the bar). An agent with
// a phone sees no panel and never loads the SDK.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { startVoiceServer, type VoiceServer } from '../helpers/voice-server.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';
import { eventually, openInbox } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
// The SDK's chunk: Vite names it after the package's entry (twilio.js).
const SDK_CHUNK = /\/assets\/twilio-[^/]*\.js$/;

type Request = { method: string; url: string };

/** Records every request the page makes into `seen`, as method and URL. */
const recordInto = (seen: Request[]) => (page: Page) =>
  page.on('request', (r) => seen.push({ method: r.method(), url: r.url() }));

describeInChromium('inbox: calls in this browser', () => {
  const chromium = useChromium();
  let v: VoiceServer;
  beforeAll(async () => {
    v = await startVoiceServer({
      clock: () => new Date(),
      env: {
        BATON_VOICE_API_KEY_SID: 'SK0123456789abcdef0123456789abcdef',
        BATON_VOICE_API_KEY_SECRET: 'the-api-key-secret-of-the-test',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await v?.close();
  });

  it(
    'asks for the token once, loads the SDK, and says unavailable with its error (Twilio is out of reach)',
    async () => {
      const requests: Request[] = [];
      const inbox = await openInbox(
        chromium.browser,
        v.server.baseUrl,
        { email: 'sam@example.com', password: DEMO_PASSWORD },
        // axe-core is injected as a script tag, which the server's CSP forbids.
        { onPage: recordInto(requests), bypassCSP: true },
      );
      const panel = inbox.page.getByRole('region', { name: 'Calls in this browser' });
      const status = panel.getByRole('status');
      // The SDK gives up on Twilio's signalling socket in its own time.
      await expect
        .poll(() => status.textContent(), { timeout: 45_000, interval: 200 })
        .toMatch(/^Unavailable: \S/);
      expect(await status.textContent()).not.toMatch(/Ready/);
      expect(requests.filter((r) => r.url.endsWith('/api/v1/voice/token'))).toEqual([
        { method: 'POST', url: `${v.server.baseUrl}/api/v1/voice/token` },
      ]);
      expect(requests.some((r) => SDK_CHUNK.test(r.url))).toBe(true);
      expect(await axeViolations(inbox.page)).toEqual([]);
      await screenshot(inbox.page, 'inbox-calls-unavailable');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'shows an agent with a phone no call panel and does not load the SDK',
    async () => {
      const requests: Request[] = [];
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, v.server.demoAgent, {
        onPage: recordInto(requests),
      });
      // The token was refused (409 VOICE_AGENT_ON_PHONE) before the panel could show.
      await eventually(
        () => requests.filter((r) => r.url.endsWith('/api/v1/voice/token')).length,
      ).toBe(1);
      await inbox.page.waitForLoadState('networkidle');
      expect(await inbox.page.getByRole('region', { name: 'Calls in this browser' }).count()).toBe(
        0,
      );
      expect(requests.filter((r) => SDK_CHUNK.test(r.url))).toEqual([]);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
