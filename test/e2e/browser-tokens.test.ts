/**
 * The tokens only the browser pages receive are looked for by value in the server's log, as
 * the API client's are (test/e2e/browser-tokens.ts, test/helpers/log-sentry.ts): the inbox's
 * session after a log-in in Chromium and the widget's conversation token, read back from the
 * pages' own storage, fail the server's close() when its logger wrote them (whole, or their
 * first 12 characters), as does a secret only a socket frame brought to the inbox, and a run
 * that logged none of them passes.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { launchChromium } from './browser.ts';
import { describeInChromium } from './chromium-fixture.ts';
import { eventually, openInbox, openShop, storedConversation } from './pages.ts';
import { ensureWebBuild } from './web-build.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

/** The session token the inbox keeps in sessionStorage after its log-in. */
async function inboxSession(page: Page): Promise<string> {
  const raw = await page.evaluate(
    () =>
      (
        globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
      ).sessionStorage.getItem('baton:inbox:session') ?? '{}',
  );
  return (JSON.parse(raw) as { token?: string }).token ?? '';
}

describeInChromium('tokens the browser pages receive, in the server log', () => {
  let server: TestServer;
  let browser: Browser;
  let closed = false;
  beforeEach(async () => {
    ensureWebBuild();
    server = await startTestServer();
    browser = await launchChromium();
    closed = false;
  }, BROWSER_TEST_TIMEOUT);
  afterEach(async () => {
    await browser.close();
    // A test that did not close its server (it failed first) must not leave it running.
    if (!closed) await server.close().catch(() => undefined);
  });

  /** Closes the browser, then the server: what its log sentry found, or nothing. */
  async function closeAll(): Promise<string> {
    await browser.close();
    closed = true;
    return server.close().then(
      () => '',
      (error: Error) => error.message,
    );
  }

  /** Signs in in the inbox and talks in the widget: the session and conversation tokens. */
  async function tokensThePagesHold(): Promise<{ session: string; conversation: string }> {
    const inbox = await openInbox(browser, server.baseUrl, server.demoAgent);
    const shop = await openShop(browser, server.baseUrl);
    await shop.open();
    await shop.send('Where is my parcel?');
    await eventually(() => storedConversation(shop.page).then((c) => c.token ?? '')).not.toBe('');
    const session = await inboxSession(inbox.page);
    expect(session.length).toBeGreaterThanOrEqual(43);
    return { session, conversation: (await storedConversation(shop.page)).token };
  }

  it(
    "fails the server whose logger wrote the inbox's session or the widget's token",
    async () => {
      const { session, conversation } = await tokensThePagesHold();
      // Under keys no pattern knows (not Bearer, not ?token=): only the value tells.
      server.server.app.log.info({ agentKey: session }, 'inbox leak');
      server.server.app.log.info(`widget leak ${conversation}.`);
      const found = await closeAll();
      expect(found).toMatch(/token: .*inbox leak/);
      expect(found).toMatch(/token: .*widget leak/);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "fails it on a secret that reached the inbox in its socket's frame only",
    async () => {
      const inbox = await openInbox(browser, server.baseUrl, server.demoAgent);
      // No frame of today's server carries a credential (src/http/realtime): a value under a
      // secret's key rides in the customer's fields, as a resume or media ticket would. The
      // conversation is started and handed over by plain fetch, after the inbox loaded its
      // list, so that only the inbox's socket frame brings the ticket to Chromium.
      const ticket = randomBytes(24).toString('base64url');
      const post = (path: string, body: unknown, token?: string) =>
        fetch(`${server.baseUrl}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
      const started = await post('/api/v1/conversations', {
        customer: { name: 'Kim', resumeTicket: ticket },
      });
      const c = (await started.json()) as { conversation: { id: string }; token: string };
      await post(
        `/api/v1/conversations/${c.conversation.id}/messages`,
        { action: 'request_human' },
        c.token,
      );
      await inbox.queueItem(c.conversation.id).waitFor();
      server.server.app.log.info({ ref: ticket }, 'frame leak');
      expect(await closeAll()).toMatch(/token: .*frame leak/);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'fails it on the first 12 characters of a token alone',
    async () => {
      const { session, conversation } = await tokensThePagesHold();
      server.server.app.log.info({ cut: session.slice(0, 12) }, 'inbox cut');
      server.server.app.log.info({ cut: `${conversation.slice(0, 12)}…` }, 'widget cut');
      const found = await closeAll();
      expect(found).toMatch(/token: .*inbox cut/);
      expect(found).toMatch(/token: .*widget cut/);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'passes a server that logged every request of the same pages and none of their tokens',
    async () => {
      await tokensThePagesHold();
      expect(server.logSentry.lines).toBeGreaterThan(10);
      expect(await closeAll()).toBe('');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
