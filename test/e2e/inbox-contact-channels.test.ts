// The contact across channels, in Chromium at phone and laptop size: a shop signs its logged-in
// customer (an identity token carrying her email and phone number) and she asks for a person
// through the web widget; the same person writes from that phone number on WhatsApp (a signed
// webhook). The agent who takes the web chat presses "All conversations" and sees both, each
// with its channel, and opening the WhatsApp one shows its transcript. Another shop customer,
// signed with a userHash of her own id, claims Priya's number: her contact is her conversation
// alone, the number listed as unverified, and Priya's never includes it.

import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { until } from '../helpers/until.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { firstMessage, WA_THREAD, whatsappExample } from '../helpers/whatsapp-payloads.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox, scrollsSideways } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const IDENTITY_SECRET = 'contact-identity-secret-0123456789';
const WA_SECRET = 'contact-wa-app-secret';

/** A shop page on Baton's origin whose widget carries the host site's signed identity. */
async function shopPage(baton: string): Promise<string> {
  // The phone number in another notation than WhatsApp's wa_id (447700900123).
  const token = await new SignJWT({
    name: 'Priya Shah',
    email: 'priya@example.com',
    phone: '+44 7700 900123',
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u-4471')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(IDENTITY_SECRET));
  return `<!doctype html><html lang="en"><head><title>Shop</title>
<script src="${baton}/widget.js" defer></script></head>
<body><h1>Shop</h1><baton-chat server="${baton}" identity-token="${token}"></baton-chat></body></html>`;
}

function waText(id: string, text: string): string {
  const payload = whatsappExample('messages', 'text');
  Object.assign(firstMessage(payload), { id, text: { body: text } });
  return JSON.stringify(payload);
}

// On both engines: the contact is found by a text match over stored JSON, then matched exactly.
describe.each(TEST_DATABASES)('the contact across web chat and WhatsApp on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  // Stands in for the Graph API: takes Baton's sends.
  const provider = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${Date.now()}` }] }));
    });
  });
  beforeAll(async () => {
    if (skip) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => {
    provider.close();
  });
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({
      engine: database.name,
      env: {
        BATON_IDENTITY_SECRET: IDENTITY_SECRET,
        BATON_WHATSAPP_APP_SECRET: WA_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
      },
    }),
  });
  const ids = { web: '', whatsapp: '', claim: '' };

  beforeAll(async () => {
    if (skip) return;
    const base = fixture.server.baseUrl;
    // The customer in the shop's widget, signed by the shop.
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    const html = await shopPage(base);
    await page.route(`${base}/shop`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: html }),
    );
    await page.goto(`${base}/shop`);
    const widget = page.locator('baton-chat');
    await widget.getByRole('button', { name: 'Open chat' }).click();
    const input = widget.getByLabel('Message', { exact: true });
    for (const line of ['My order 4471 never came', 'I want to talk to a human']) {
      await input.fill(line);
      await input.press('Enter');
    }
    await widget.locator('.status', { hasText: 'Waiting for a person' }).waitFor();
    ids.web = await page.evaluate(() => {
      const storage = (
        globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
      ).localStorage;
      const key = Object.keys(storage).find((k) => k.startsWith('baton:conversation:'));
      return (JSON.parse((key && storage.getItem(key)) ?? '{}') as { id?: string }).id ?? '';
    });
    expect(ids.web).toMatch(/^c_/);
    await context.close();

    // The same person on WhatsApp, from the number the shop signed.
    const post = (raw: string) =>
      postMetaWebhook(`${base}/channels/whatsapp/webhook`, raw, WA_SECRET);
    expect((await post(waText('wamid.c1', 'Hello, any news about order 4471?'))).status).toBe(200);
    expect((await post(waText('wamid.c2', 'I want to talk to a human'))).status).toBe(200);
    const whatsapp = await until(async () => {
      const c = await fixture.server.server.store.conversations.findOpenByThread(
        'whatsapp',
        WA_THREAD,
      );
      return c?.status === 'queued' || c?.status === 'offered' ? c : undefined;
    });
    ids.whatsapp = whatsapp.id;

    // Mallory, signed by the shop with a userHash of her id, says Priya's number is hers.
    const claim = await startConversation(base, {
      customer: { id: 'u-9001', name: 'Mallory', phone: '+44 7700 900123' },
      userHash: createHmac('sha256', IDENTITY_SECRET).update('u-9001').digest('hex'),
    });
    await api(base, 'POST', `/api/v1/conversations/${claim.id}/messages`, {
      token: claim.token,
      body: { text: 'I want to talk to a human' },
    });
    ids.claim = (
      await until(async () => {
        const c = await fixture.server.server.store.conversations.get(claim.id);
        return c?.status === 'queued' || c?.status === 'offered' ? c : undefined;
      })
    ).id;
  }, BROWSER_TEST_TIMEOUT);

  it.skipIf(skip)(
    "lists a signed visitor's claimed phone number as unverified and joins no one by it",
    async () => {
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { viewport: { width: 1366, height: 768 }, bypassCSP: true },
      );
      const { page } = inbox;
      await inbox.queueItem(ids.claim).click();
      await page.getByRole('button', { name: 'All conversations' }).click();
      const contact = page.getByRole('region', { name: 'Conversations with Mallory' });
      await contact.locator(`[data-history-id="${ids.claim}"]`).waitFor();
      await eventually(() => contact.locator('[data-claimed]').textContent()).toContain(
        'Unverified: +447700900123',
      );
      expect(await contact.locator('.history-item').count()).toBe(1);
      expect(await contact.locator('p.muted', { hasText: /^Found by / }).textContent()).toBe(
        'Found by id u-9001',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  for (const size of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'laptop', width: 1366, height: 768 },
  ]) {
    it.skipIf(skip)(
      `shows the web chat and the WhatsApp conversation of one person at ${size.name} size`,
      async () => {
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          { viewport: { width: size.width, height: size.height }, bypassCSP: true },
        );
        const { page } = inbox;
        await inbox.queueItem(ids.web).click();
        await eventually(() => inbox.transcript.textContent()).toContain(
          'My order 4471 never came',
        );
        await page.getByRole('button', { name: 'All conversations' }).click();
        const contact = page.getByRole('region', { name: 'Conversations with Priya Shah' });
        const web = contact.locator(`[data-history-id="${ids.web}"]`);
        const whatsapp = contact.locator(`[data-history-id="${ids.whatsapp}"]`);
        await whatsapp.waitFor();
        expect(await contact.locator('.history-item').count()).toBe(2);
        expect(await web.locator('.chip--muted').textContent()).toBe('Web chat');
        expect(await whatsapp.locator('.chip--muted').textContent()).toBe('WhatsApp');
        expect(await whatsapp.locator('.qi-preview').textContent()).toContain('talk to a human');
        // Found by the identities the shop signed, the phone number in E.164.
        const found = await contact.locator('p.muted', { hasText: /^Found by / }).textContent();
        expect(found).toContain('+447700900123');
        expect(found).toContain('priya@example.com');
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `inbox-contact-channels-${size.name}`);

        // Opening the WhatsApp one: its transcript, its channel.
        await whatsapp.click();
        await eventually(() => inbox.transcript.textContent()).toContain(
          'Hello, any news about order 4471?',
        );
        expect(await inbox.transcript.textContent()).not.toContain('My order 4471 never came');
        await eventually(() => page.locator('.pane-header').textContent()).toContain('WhatsApp');
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `inbox-contact-whatsapp-${size.name}`);
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
