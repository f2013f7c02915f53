// The widget on another site, as a company embeds it: a shop page on one origin loads
// widget.js from Baton on another. Configured in BATON_WIDGET_ORIGINS, it starts the chat and
// talks to the bot; not configured, the browser's CORS check stops it and the widget says so.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { screenshot } from './browser.ts';
import { eventually } from './pages.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';

/** A shop on its own origin (localhost:<port>), embedding the widget from `baton`. */
async function startShop(baton: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Other shop</title>
<script src="${baton()}/widget.js" defer></script></head>
<body><h1>Another shop</h1><baton-chat server="${baton()}" title="Shop help"></baton-chat></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

describeInChromium('the widget embedded on another origin', () => {
  const fixture = useChromium({ timeout: 60_000 });
  let shop: { server: Server; origin: string };
  let baton: TestServer | undefined;
  beforeAll(async () => {
    shop = await startShop(() => baton?.baseUrl ?? '');
  }, 60_000);
  afterAll(async () => {
    shop?.server.close();
    await baton?.close();
  });

  const openWidget = async () => {
    const page = await (await fixture.browser.newContext()).newPage();
    await page.goto(`${shop.origin}/`);
    const widget = page.locator('baton-chat');
    await widget.getByRole('button', { name: 'Open chat' }).click();
    return { page, widget };
  };

  it('works when the shop is an allowed origin', async () => {
    baton = await startTestServer({
      webRoot: 'dist/web',
      env: { BATON_WIDGET_ORIGINS: shop.origin },
    });
    const { page, widget } = await openWidget();
    const input = widget.getByLabel('Message', { exact: true });
    await input.fill('How long does shipping take?');
    await input.press('Enter');
    await eventually(() => widget.locator('.row--bot .bubble').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/business days/)]),
    );
    await screenshot(page, 'embed-cross-origin');
    await page.context().close();
    await baton.close();
    baton = undefined;
  }, 60_000);

  it('is stopped by the browser when the shop is not allowed, and says so', async () => {
    baton = await startTestServer({ webRoot: 'dist/web' });
    const { page, widget } = await openWidget();
    await eventually(() => widget.locator('.composer-error').textContent()).toMatch(
      /could not start the chat/,
    );
    // The preflight was refused, so the request itself was never sent.
    expect(await baton.server.store.reads.listPage(null, 10)).toHaveLength(0);
    await page.context().close();
  }, 60_000);
});
