/**
 * WhatsApp's 24-hour window from the inbox, on both engines: free text after the window is
 * refused when the agent posts (nothing stored), and an approved template goes out instead
 * as a Cloud API `type: "template"` message. The clock is injected; nothing waits a day.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { whatsAppWindow } from '../../src/app/channels/whatsapp-window-check.ts';
import type { StoredEvent } from '../../src/core/records.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import {
  firstMessage,
  WA_CUSTOMER_ID,
  WA_PHONE_NUMBER_ID,
  WA_THREAD,
  whatsappExample,
} from '../helpers/whatsapp-payloads.ts';

const SECRET = 'wa-app-secret';
let now = new Date('2026-11-22T10:00:00Z');
const THREAD = WA_THREAD;
const CONFIG = `
channels:
  whatsapp:
    templates:
      - name: order_update
        language: en_US
        parameters: 2
        preview: "Hi {{1}}, about your order {{2}}: we have news. Reply to continue."
      - name: follow_up
        language: es
        parameters: 0
        preview: "¿Seguimos? Responde a este mensaje."
`;

function waText(id: string, body: string): string {
  const payload = whatsappExample('messages', 'text');
  const message = firstMessage(payload);
  message.id = id;
  message.text.body = body;
  message.timestamp = String(Math.floor(now.getTime() / 1000)); // sent "now" on the test clock
  return JSON.stringify(payload);
}

describe.each(TEST_DATABASES)('WhatsApp window and templates on $name', (database) => {
  const sent: any[] = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${sent.length}` }] }));
    });
  });
  let s: TestServer;
  const post = (raw: string) =>
    postMetaWebhook(`${s.baseUrl}/channels/whatsapp/webhook`, raw, SECRET);

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-wa-'));
    writeFileSync(path.join(dir, 'baton.config.yaml'), CONFIG);
    s = await startTestServer({
      engine: database.name,
      clock: () => now,
      env: {
        BATON_CONFIG: path.join(dir, 'baton.config.yaml'),
        BATON_WHATSAPP_APP_SECRET: SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
  });

  it.skipIf(database.skipReason)('lists the approved templates to agents only', async () => {
    expect((await api(s.baseUrl, 'GET', '/api/v1/channels/whatsapp/templates')).status).toBe(401);
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const listed = await api(s.baseUrl, 'GET', '/api/v1/channels/whatsapp/templates', {
      token: agent,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.enabled).toBe(true);
    expect(
      listed.body.templates.map((t: any) => `${t.name}/${t.language}/${t.parameters}`),
    ).toEqual(['order_update/en_US/2', 'follow_up/es/0']);
  });

  it.skipIf(database.skipReason)(
    'refuses free text after 24 hours at post time and sends a template instead',
    async () => {
      expect((await post(waText('wamid.t1', 'I want to talk to a human'))).status).toBe(200);
      const conversation = await until(() =>
        s.server.store.conversations.findOpenByThread('whatsapp', THREAD),
      );
      await until(async () =>
        (await s.server.store.conversations.get(conversation.id))?.status === 'queued'
          ? true
          : undefined,
      );
      let agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
        token: agent,
      });
      expect(claim.status).toBe(200);
      const say = (text: string) =>
        api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/messages`, {
          token: agent,
          body: { text },
        });
      now = new Date(now.getTime() + 60 * 60 * 1000); // one hour later: inside the window
      expect((await say('Hi, Alex here, checking your order.')).status).toBe(201);
      await until(() => sent.find((r) => r.body.text?.body?.startsWith('Hi, Alex here')));

      now = new Date(now.getTime() + 24 * 60 * 60 * 1000); // a day later: the window closed
      agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const before = (await s.server.store.conversations.get(conversation.id))!.lastSeq;
      const refused = await say('Are you still there?');
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('WHATSAPP_WINDOW_CLOSED');
      expect((await s.server.store.conversations.get(conversation.id))!.lastSeq).toBe(before);

      const template = (body: unknown) =>
        api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/template`, {
          token: agent,
          body,
        });
      const unknown = await template({ name: 'order_update', language: 'de', parameters: [] });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('TEMPLATE_NOT_FOUND');
      const short = await template({ name: 'order_update', language: 'en_US', parameters: ['A'] });
      expect(short.body.error.code).toBe('VALIDATION_FAILED');
      expect((await s.server.store.conversations.get(conversation.id))!.lastSeq).toBe(before);

      const ok = await template({
        name: 'order_update',
        language: 'en_US',
        parameters: ['Sarah', '1234'],
      });
      expect(ok.status).toBe(201);
      expect(ok.body.events[0].data).toMatchObject({
        from: 'agent',
        text: 'Hi Sarah, about your order 1234: we have news. Reply to continue.',
        template: { name: 'order_update', language: 'en_US', parameters: ['Sarah', '1234'] },
      });
      const request = await until(() => sent.find((r) => r.body.type === 'template'));
      expect(request.url).toBe(`/v23.0/${WA_PHONE_NUMBER_ID}/messages`);
      expect(request.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: WA_CUSTOMER_ID,
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Sarah' },
                { type: 'text', text: '1234' },
              ],
            },
          ],
        },
      });
      const delivery = await until(async () =>
        (await s.server.store.conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.type === 'message.delivery' && e.data.seq === ok.body.events[0].seq,
        ),
      );
      expect(delivery.data.status).toBe('sent');

      // The customer answers: the window opens again for free text.
      expect((await post(waText('wamid.t2', 'Yes, here!'))).status).toBe(200);
      await until(async () =>
        (await s.server.store.conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.data.text === 'Yes, here!',
        ),
      );
      expect((await say('Great, your parcel ships today.')).status).toBe(201);
    },
    30_000,
  );

  it.skipIf(database.skipReason)('sends templates only into WhatsApp threads', async () => {
    const c = await startConversation(s.baseUrl, {});
    // A supervisor: a web conversation still with the bot is in no agent's scope.
    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/template`, {
      token: supervisor,
      body: { name: 'follow_up', language: 'es' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CHANNEL_NOT_ENABLED');
  });
});

describe('whatsAppWindow', () => {
  const customer = (at: string, providerAt?: string): StoredEvent => ({
    conversationId: 'c_1',
    seq: 1,
    type: 'message.created',
    at,
    actor: { type: 'customer' },
    data: { from: 'customer', ...(providerAt ? { providerAt } : {}) },
  });
  const at = (iso: string) => new Date(iso);

  it('is timed from when the customer wrote, even if the webhook came much later', () => {
    const redelivered = customer('2026-11-22T10:00:00.000Z', '2026-11-21T09:00:00.000Z');
    expect(whatsAppWindow([redelivered], at('2026-11-22T10:30:00Z'))).toMatchObject({
      ok: false,
      code: 'WHATSAPP_WINDOW_CLOSED',
    });
    expect(whatsAppWindow([redelivered], at('2026-11-22T08:30:00Z')).ok).toBe(true);
  });

  it('never trusts a provider clock that runs ahead, and is closed before any message', () => {
    const ahead = customer('2026-11-22T10:00:00.000Z', '2026-11-23T10:00:00.000Z');
    expect(whatsAppWindow([ahead], at('2026-11-23T10:30:00Z')).ok).toBe(false);
    expect(whatsAppWindow([], at('2026-11-23T10:30:00Z')).ok).toBe(false);
  });
});
