// WhatsApp's delivery and read statuses in the inbox: under the agent's reply the transcript
// says "Delivered", then "Seen", live as the signed status webhooks arrive, and "Not
// delivered: <WhatsApp's reason>" under a reply WhatsApp could not deliver, the reason shown
// as text (never HTML); a reload shows the same.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/until.ts';
import { eventually, openInbox } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { firstMessage, WA_THREAD, whatsappExample } from '../helpers/whatsapp-payloads.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const SECRET = 'wa-app-secret';

// On both engines: a status webhook finds the message by its provider id and updates its receipt.
describe.each(TEST_DATABASES)('WhatsApp delivery statuses in the inbox on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  let count = 0;
  const provider = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${++count}` }] }));
    });
  });
  beforeAll(async () => {
    if (skip) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => {
    if (skip) return;
    provider.close();
  });
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({
      engine: database.name,
      env: {
        BATON_WHATSAPP_APP_SECRET: SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    }),
  });
  const post = (body: unknown) =>
    postMetaWebhook(
      `${fixture.server.baseUrl}/channels/whatsapp/webhook`,
      JSON.stringify(body),
      SECRET,
    );
  /** A status webhook as WhatsApp Cloud sends it, for the message `id`. */
  function status(example: 'delivered' | 'read' | 'failed', id: string, details?: string) {
    const body = whatsappExample('statuses', example);
    const item = body.entry[0].changes[0].value.statuses[0];
    item.id = id;
    item.timestamp = String(Math.floor(Date.now() / 1000));
    if (details) item.errors[0].error_data.details = details;
    return body;
  }

  it.skipIf(skip)(
    'says Delivered, then Seen, under the reply, and why a reply was not delivered',
    async () => {
      const ask = whatsappExample('messages', 'text');
      const message = firstMessage(ask);
      message.id = 'wamid.in.human';
      message.text.body = 'My parcel arrived broken, I want to talk to a human';
      message.timestamp = String(Math.floor(Date.now() / 1000));
      expect((await post(ask)).status).toBe(200);
      const store = fixture.server.server.store;
      const conversation = await until(() =>
        store.conversations.findOpenByThread('whatsapp', WA_THREAD),
      );

      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { bypassCSP: true },
      );
      await inbox.queueItem(conversation.id).click();
      await inbox.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
      const composer = inbox.page.getByLabel('Reply to the customer');
      /** The agent replies through the inbox; the wamid WhatsApp gave the reply. */
      const reply = async (text: string) => {
        await composer.fill(text);
        await composer.press('Enter');
        return until(async () => {
          const events = await store.conversations.eventsSince(conversation.id, 0);
          const seq = events.find((e) => e.type === 'message.created' && e.data.text === text)?.seq;
          const sent = events.find((e) => e.type === 'message.delivery' && e.data.seq === seq);
          const ids = sent?.data.providerMessageIds;
          return Array.isArray(ids) ? String(ids[0]) : undefined;
        });
      };
      const stateOf = (text: string) =>
        inbox.transcript
          .locator('.turn--agent', { has: inbox.page.locator('.bubble', { hasText: text }) })
          .locator('.turn-state')
          .textContent();

      const first = await reply('Sorry to hear that, a new one is on its way.');
      expect((await post(status('delivered', first))).status).toBe(200);
      await eventually(() => stateOf('a new one is on its way')).toBe('Delivered');
      expect((await post(status('read', first))).status).toBe(200);
      await eventually(() => stateOf('a new one is on its way')).toBe('Seen');

      const second = await reply('Could you send a photo of the box?');
      const reason = 'Message failed to send <b>because</b> the number is not on WhatsApp.';
      expect((await post(status('failed', second, reason))).status).toBe(200);
      const notDelivered = `Not delivered: Re-engagement message: ${reason} (131047)`;
      await eventually(() => stateOf('photo of the box')).toBe(notDelivered);
      // The provider's words are text: no element came of them.
      expect(await inbox.transcript.locator('.turn-not-delivered b').count()).toBe(0);
      // The last delivered reply is read, so "Seen" stays where it was.
      expect(await stateOf('a new one is on its way')).toBe('Seen');

      await inbox.page.reload();
      await inbox.queueItem(conversation.id).click();
      await eventually(() => stateOf('photo of the box')).toBe(notDelivered);
      expect(await stateOf('a new one is on its way')).toBe('Seen');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
