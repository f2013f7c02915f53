// Verified identity in a real browser: a shop page signs its logged-in visitor on its own
// server (HMAC-SHA256 of the customer id with the identity secret) and hands the signature
// to <baton-chat user-hash>. The agent sees "Verified by the site" on that customer; a page
// that claims the same id without the signature shows the agent "Unverified".

import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox, type InboxPage } from './pages.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';

const SECRET = 'identity-secret-e2e-0123456789';

/**
 * The shop signs on its server, as a host site would: `/signed` with a userHash of the id,
 * `/token` with an identityToken carrying the tier, `/unsigned` claims the same id unsigned.
 */
async function startShop(baton: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void shopPage(req.url ?? '/', baton()).then((html) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

async function shopPage(path: string, baton: string): Promise<string> {
  let identity: string;
  if (path === '/signed') {
    const hash = createHmac('sha256', SECRET).update('u-77').digest('hex');
    identity = `customer-id="u-77" customer-name="Ada Signed" user-hash="${hash}"`;
  } else if (path === '/signed-other') {
    const hash = createHmac('sha256', SECRET).update('u-79').digest('hex');
    identity = `customer-id="u-79" customer-name="Bo Signed" user-hash="${hash}"`;
  } else if (path === '/token') {
    const token = await new SignJWT({ name: 'Ada Token', tier: 'enterprise' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-78')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    identity = `identity-token="${token}"`;
  } else {
    identity = 'customer-id="u-77" customer-name="Ada Claimed" customer-email="ada@example.com"';
  }
  return `<!doctype html><html lang="en"><head><title>Shop</title>
<script src="${baton}/widget.js" defer></script></head>
<body><h1>Shop</h1><baton-chat server="${baton}" ${identity}></baton-chat></body></html>`;
}

describeInChromium('verified identity through the widget', () => {
  const fixture = useChromium({ timeout: 60_000 });
  let shop: { server: Server; origin: string };
  let baton: TestServer;
  let inbox: InboxPage;
  beforeAll(async () => {
    shop = await startShop(() => baton.baseUrl);
    baton = await startTestServer({
      webRoot: 'dist/web',
      env: { BATON_WIDGET_ORIGINS: shop.origin, BATON_IDENTITY_SECRET: SECRET },
    });
    inbox = await openInbox(fixture.browser, baton.baseUrl, baton.demoAgent);
  }, 60_000);
  afterAll(async () => {
    shop?.server.close();
    await baton?.close();
  });

  /** Opens the shop page in its own browser profile, asks for a person, returns the conversation id. */
  async function askForPerson(path: string, reuse?: Page): Promise<{ page: Page; id: string }> {
    const page = reuse ?? (await (await fixture.browser.newContext()).newPage());
    await page.goto(`${shop.origin}${path}`);
    const widget = page.locator('baton-chat');
    // A second page in the same tab keeps the panel open.
    if (await widget.locator('.panel').isHidden())
      await widget.getByRole('button', { name: 'Open chat' }).click();
    const input = widget.getByLabel('Message', { exact: true });
    await input.fill('I want to talk to a human');
    await input.press('Enter');
    await eventually(() => widget.locator('.status').textContent()).toContain(
      'Waiting for a person',
    );
    const id = await page.evaluate(() => {
      const storage = (
        globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
      ).localStorage;
      const key = Object.keys(storage).find((k) => k.startsWith('baton:conversation:'));
      return (JSON.parse((key && storage.getItem(key)) ?? '{}') as { id?: string }).id ?? '';
    });
    expect(id).toMatch(/^c_/);
    return { page, id };
  }

  const profileText = async (id: string) => {
    await inbox.queueItem(id).click();
    const profile = inbox.page.getByRole('region', { name: 'Customer profile' });
    await profile.waitFor();
    return profile;
  };

  it('shows the agent a verified customer when the page passes user-hash', async () => {
    const { page, id } = await askForPerson('/signed');
    const profile = await profileText(id);
    await eventually(() => profile.textContent()).toContain('Verified by the site');
    expect(await profile.textContent()).not.toContain('Unverified');
    await screenshot(inbox.page, 'inbox-verified-customer');
    await page.context().close();
  }, 60_000);

  it('shows "Unverified" when the page claims the same id without a signature', async () => {
    const { page, id } = await askForPerson('/unsigned');
    const profile = await profileText(id);
    await eventually(() => profile.textContent()).toContain('Unverified');
    // The claim is shown, but does not inherit the signed customer's earlier conversation.
    expect(await profile.textContent()).toContain('ada@example.com');
    expect(await profile.textContent()).toContain('First conversation');
    await screenshot(inbox.page, 'inbox-unverified-customer');
    await page.context().close();
  }, 60_000);

  it('shows the signed tier of a visitor the page passes with identity-token', async () => {
    const { page, id } = await askForPerson('/token');
    const profile = await profileText(id);
    await eventually(() => profile.textContent()).toContain('Verified by the site');
    expect(await profile.textContent()).toContain('enterprise');
    await page.context().close();
  }, 60_000);

  it('starts afresh when another visitor logs in on the same browser', async () => {
    const first = await askForPerson('/signed');
    const second = await askForPerson('/signed-other', first.page);
    expect(second.id).not.toBe(first.id);
    const profile = await profileText(second.id);
    await eventually(() => profile.textContent()).toContain('Verified by the site');
    await first.page.context().close();
  }, 60_000);
});
