/**
 * Channels through the real server: the provider's signed webhook in, the reply out through
 * the provider's API (a local recorder standing in for it), in the same thread, once.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  firstMessage,
  WA_CUSTOMER_ID,
  WA_CUSTOMER_NAME,
  WA_PHONE_NUMBER_ID,
  WA_THREAD,
  whatsappExample,
} from '../helpers/whatsapp-payloads.ts';

const SECRET = 'wa-app-secret';
function waText(id: string, body: string) {
  const payload = whatsappExample('messages', 'text');
  const message = firstMessage(payload);
  message.id = id;
  message.text.body = body;
  // Sent now: the 24-hour window is timed from WhatsApp's timestamp.
  message.timestamp = String(Math.floor(Date.now() / 1000));
  return JSON.stringify(payload);
}

describe('WhatsApp through the server', () => {
  const sent: Array<{ url: string; auth: string | undefined; body: any }> = [];
  let failNext = 0;
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      sent.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${sent.length}` }] }));
    });
  });
  let s: TestServer;
  const post = (
    raw: string,
    signature = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
  ) =>
    fetch(`${s.baseUrl}/channels/whatsapp/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: raw,
    });
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      env: {
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

  it('answers the hub.challenge handshake only with the right verify token', async () => {
    const ok = await fetch(
      `${s.baseUrl}/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${s.baseUrl}/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses unsigned and wrongly signed webhooks and stores nothing', async () => {
    const raw = waText('wamid.forged', 'hello');
    expect((await post(raw, '')).status).toBe(401);
    expect((await post(raw, `sha256=${'0'.repeat(64)}`)).status).toBe(403);
    const malformed = await post('{"object": "whatsapp_business_account", "entry": 7}');
    expect(malformed.status).toBe(400);
    const store = s.server.store;
    expect(await store.conversations.findOpenByThread('whatsapp', WA_THREAD)).toBeUndefined();
  });

  it('keeps the thread: bot answer, handoff, agent reply, status, all in the same WhatsApp chat, once', async () => {
    const store = s.server.store;
    const first = await post(waText('wamid.in1', 'How long does shipping take?'));
    expect(first.status).toBe(200);
    const conversation = await until(() =>
      store.conversations.findOpenByThread('whatsapp', WA_THREAD),
    );
    expect(conversation.customer).toMatchObject({ name: WA_CUSTOMER_NAME });
    // Greeting (the bot says it is a bot) and the answer go out to the same number.
    await until(() => (sent.length >= 2 ? true : undefined));
    expect(sent[0]!.url).toMatch(new RegExp(`/${WA_PHONE_NUMBER_ID}/messages$`));
    expect(sent[0]!.auth).toBe('Bearer wa-token');
    expect(sent[0]!.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: WA_CUSTOMER_ID,
      type: 'text',
    });
    expect(sent[0]!.body.text.body).toMatch(/automated assistant/);
    expect(sent[1]!.body.text.body).toMatch(/business days/);

    // The provider delivers the same webhook again: stored once, answered once.
    expect((await post(waText('wamid.in1', 'How long does shipping take?'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toHaveLength(2);
    const events = await store.conversations.eventsSince(conversation.id, 0);
    expect(events.filter((e) => e.data.from === 'customer')).toHaveLength(1);

    await post(waText('wamid.in2', 'I want to talk to a human'));
    await until(() => (sent.length >= 3 ? true : undefined));
    expect(sent[2]!.body.text.body).toMatch(/person|team/);

    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
      token: agent,
    });
    failNext = 1; // the provider hiccups once: the send is retried, not lost
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/messages`, {
      token: agent,
      body: { text: 'Hi, Alex here. Let me check that for you.' },
    });
    const agentReply = await until(
      () => sent.find((r) => r.body.text?.body?.startsWith('Hi, Alex here')),
      60_000,
    );
    expect(agentReply.body.to).toBe(WA_CUSTOMER_ID);

    // A delivery status updates the conversation and does not wake the bot.
    const before = sent.length;
    const status = whatsappExample('statuses', 'delivered');
    expect((await post(JSON.stringify(status))).status).toBe(200);
    const recorded = await until(async () =>
      (await store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'message.status',
      ),
    );
    expect(recorded.data).toMatchObject({ status: 'delivered' });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toHaveLength(before);
    const deliveries = (await store.conversations.eventsSince(conversation.id, 0)).filter(
      (e) => e.type === 'message.delivery',
    );
    expect(deliveries.every((e) => e.data.status === 'sent')).toBe(true);
  }, 90_000);

  it('asks for a rating after resolution and reads the numeric reply as CSAT, in the same chat', async () => {
    const store = s.server.store;
    const thread = WA_THREAD;
    await post(waText('wamid.csat0', 'I want to talk to a human'));
    const open = await until(() => store.conversations.findOpenByThread('whatsapp', thread));
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    await until(async () =>
      ['queued', 'offered', 'assigned'].includes((await store.conversations.get(open.id))!.status)
        ? true
        : undefined,
    );
    if ((await store.conversations.get(open.id))!.status !== 'assigned') {
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${open.id}/claim`, { token: agent });
    }
    const resolved = await api(s.baseUrl, 'POST', `/api/v1/conversations/${open.id}/resolve`, {
      token: agent,
      body: { resolved: true },
    });
    expect(resolved.status).toBe(200);
    // The ratings are a list (five options); typing the number works too.
    const survey = await until(() =>
      sent.find((r) => /rate this conversation from 1/.test(r.body.interactive?.body.text ?? '')),
    );
    expect(survey.body.to).toBe(WA_CUSTOMER_ID);
    expect(survey.body.interactive.body.text).toMatch(/Reply with the number/);
    expect(survey.body.interactive.action).toEqual({
      button: 'Choose',
      sections: [
        {
          rows: [1, 2, 3, 4, 5].map((n) => ({ id: String(n), title: '★'.repeat(n) })),
        },
      ],
    });

    const sentBefore = sent.length;
    expect((await post(waText('wamid.csat1', '5 - quick and kind'))).status).toBe(200);
    const rating = await until(async () =>
      (await store.conversations.eventsSince(open.id, 0)).find((e) => e.type === 'csat.submitted'),
    );
    expect(rating.data).toEqual({ rating: 5, comment: 'quick and kind', via: 'whatsapp' });
    const thanks = await until(() =>
      sent.find((r) => /Thank you for your rating/.test(r.body.text?.body ?? '')),
    );
    expect(thanks.body.to).toBe(WA_CUSTOMER_ID);
    // No new conversation was started for the rating, and a redelivery changes nothing.
    expect(await store.conversations.findOpenByThread('whatsapp', thread)).toBeUndefined();
    expect((await post(waText('wamid.csat1', '5 - quick and kind'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.slice(sentBefore).map((r) => r.body.text?.body ?? r.body.type)).toEqual([
      thanks.body.text.body,
    ]);
    const events = await store.conversations.eventsSince(open.id, 0);
    expect(events.filter((e) => e.type === 'csat.submitted')).toHaveLength(1);

    // Anything after the rating (even a number) is a new conversation with the bot.
    expect((await post(waText('wamid.csat2', '4'))).status).toBe(200);
    const next = await until(() => store.conversations.findOpenByThread('whatsapp', thread));
    expect(next.id).not.toBe(open.id);
  }, 60_000);
});
