// WhatsApp in the inbox: a photo the customer sent shows as a reference ("📎 image/png —
// caption") and, on request, as the image fetched through the server; a reply after the
// 24-hour window is refused with a clear message that offers "Send a template", which goes
// out through the server. The clock is injected; nothing waits a day.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configFile } from '../helpers/config-file.ts';
import { until } from '../helpers/until.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { firstMessage, WA_THREAD, whatsappExample } from '../helpers/whatsapp-payloads.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const SECRET = 'wa-app-secret';
const THREAD = WA_THREAD;
// Sessions outlive the day the test skips, so the agent is still signed in after it.
const CONFIG = `
auth:
  sessionTtlHours: 48
channels:
  whatsapp:
    templates:
      - name: order_update
        language: en_US
        parameters: 2
        preview: "Hi {{1}}, about your order {{2}}: we have news. Reply to continue."
`;

const MEDIA_ID = 'media-4711';
/** A 1×1 PNG: the photo the customer "sent". */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A WhatsApp Cloud API webhook body (the repository's text example) carrying our message instead. */
function waMessage(id: string, content: Record<string, unknown>): string {
  const payload = whatsappExample('messages', 'text');
  const message = firstMessage(payload);
  delete message.text;
  Object.assign(message, { id }, content);
  return JSON.stringify(payload);
}

describeInChromium('WhatsApp conversations in the inbox', () => {
  const sent: { body: { type?: string } }[] = [];
  const provider = createServer((req, res) => {
    // Media: the Graph API lookup, then the file at the URL it names.
    if (req.method === 'GET' && req.url === `/v23.0/${MEDIA_ID}`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: `${providerUrl()}/files/${MEDIA_ID}` }));
      return;
    }
    if (req.method === 'GET' && req.url === `/files/${MEDIA_ID}`) {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PIXEL);
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${sent.length}` }] }));
    });
  });
  const providerUrl = () => `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  let now = new Date('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => {
    provider.close();
  });
  const fixture = useChromiumAndServer({
    server: () => ({
      clock: () => now,
      env: {
        BATON_CONFIG: configFile(CONFIG),
        BATON_WHATSAPP_APP_SECRET: SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: providerUrl(),
      },
    }),
  });

  const post = (raw: string) =>
    postMetaWebhook(`${fixture.server.baseUrl}/channels/whatsapp/webhook`, raw, SECRET);

  it(
    'shows media by reference, and offers a template once the 24-hour window has closed',
    async () => {
      const human = waMessage('wamid.h1', {
        type: 'text',
        text: { body: 'My parcel arrived broken, I want to talk to a human' },
      });
      expect((await post(human)).status).toBe(200);
      const conversation = await until(() =>
        fixture.server.server.store.conversations.findOpenByThread('whatsapp', THREAD),
      );
      const photo = waMessage('wamid.p1', {
        type: 'image',
        image: { id: MEDIA_ID, mime_type: 'image/png', caption: 'The broken box' },
      });
      expect((await post(photo)).status).toBe(200);

      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      await inbox.queueItem(conversation.id).click();
      await inbox.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
      const attachment = inbox.transcript.locator('.attachment');
      const label = attachment.locator('.attachment-label');
      await eventually(() => label.textContent()).toBe('📎 image/png — The broken box');
      // Shown on request, fetched through the server from the provider.
      await attachment.getByRole('button', { name: 'Show' }).click();
      const image = attachment.getByRole('img', { name: 'The broken box' });
      await eventually(() =>
        image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(1);

      // A day later the window is closed: free text is refused, the composer says why.
      now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
      const reply = inbox.page.getByLabel('Reply to the customer');
      await reply.fill('Are you still there?');
      await reply.press('Enter');
      const closed = inbox.page.locator('.window-closed');
      await eventually(() => closed.textContent()).toContain('24-hour window is closed');
      expect(await inbox.transcript.locator('.is-failed').textContent()).toContain('Not sent');
      await closed.getByRole('button', { name: 'Send a template' }).click();
      const form = inbox.page.getByRole('form', { name: 'Send a template' });
      await form.getByLabel('Parameter {{1}}').fill('Sarah');
      await form.getByLabel('Parameter {{2}}').fill('A1234');
      await screenshot(inbox.page, 'inbox-whatsapp-template');
      await form.getByRole('button', { name: 'Send template' }).click();
      await eventually(() =>
        inbox.transcript.locator('.turn--agent:not(.is-failed) .bubble').last().textContent(),
      ).toBe('Hi Sarah, about your order A1234: we have news. Reply to continue.');
      await eventually(() => closed.count()).toBe(0);
      await until(() => sent.find((r) => r.body.type === 'template'));
      // The refused reply can be dropped now that the template went out.
      await inbox.transcript.getByRole('button', { name: 'Discard' }).click();
      expect(await inbox.transcript.locator('.is-failed').count()).toBe(0);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
