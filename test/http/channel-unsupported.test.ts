/**
 * Messages Baton cannot open (WhatsApp orders and unknown types, Telegram polls), on both
 * engines: stored as what they were for the agent, answered with one polite request to
 * describe them (in the customer's language), not once per message in a row, and never
 * while a person has the conversation.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import {
  firstMessage,
  WA_CUSTOMER_ID,
  WA_THREAD,
  whatsappExample,
} from '../helpers/whatsapp-payloads.ts';

const SECRET = 'wa-app-secret';
const THREAD = WA_THREAD;

/** One of the repository's WhatsApp examples with a fresh message id. */
function wa(kind: string, id: string, text?: string): string {
  const payload = whatsappExample('messages', kind);
  const message = firstMessage(payload);
  message.id = id;
  if (text !== undefined) message.text.body = text;
  return JSON.stringify(payload);
}

describe.each(TEST_DATABASES)('unsupported message types on $name', (database) => {
  const sent: any[] = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: 1 }, messages: [{ id: 'x' }] }));
    });
  });
  let s: TestServer;
  const post = (raw: string) =>
    postMetaWebhook(`${s.baseUrl}/channels/whatsapp/webhook`, raw, SECRET);
  const politeReplies = () =>
    sent.filter((r) => /can't open that kind of message/.test(r.body.text?.body ?? ''));
  const customerMessages = async (id: string) =>
    (await s.server.store.conversations.eventsSince(id, 0)).filter(
      (e) => e.type === 'message.created' && e.data.from === 'customer',
    );

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_WHATSAPP_APP_SECRET: SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: base,
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
        BATON_TELEGRAM_API_BASE_URL: base,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
  });

  it.skipIf(database.skipReason)(
    'asks once per run, stores the type for the agent, and is silent once a person owns it',
    async () => {
      expect((await post(wa('unsupported_poll', 'wamid.u1'))).status).toBe(200);
      const conversation = await until(() =>
        s.server.store.conversations.findOpenByThread('whatsapp', THREAD),
      );
      await until(() => (politeReplies().length === 1 ? true : undefined));
      expect(politeReplies()[0].body.to).toBe(WA_CUSTOMER_ID);

      // A reaction is shown to the agent on its message; it is not a turn and gets no reply.
      await post(wa('reaction', 'wamid.r1'));
      const reaction = await until(async () =>
        (await s.server.store.conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.type === 'channel.reaction',
        ),
      );
      expect(reaction.data.emoji).toEqual(expect.any(String));
      expect(reaction.data.targetProviderMessageId).toEqual(expect.any(String));

      await post(wa('order', 'wamid.u2')); // a second one in a row: stored, not answered again
      await until(async () =>
        (await customerMessages(conversation.id)).length === 2 ? true : undefined,
      );
      const stored = await customerMessages(conversation.id);
      expect(stored.map((e) => e.data.unsupported)).toEqual([expect.any(String), 'order']);
      expect(stored[1]!.data.text).toBe('[order message]');

      await post(wa('text', 'wamid.u3', 'How long does shipping take?'));
      await until(() => sent.find((r) => /business days/.test(r.body.text?.body ?? '')));
      await post(wa('order', 'wamid.u4')); // after a readable message: asked again
      await until(() => (politeReplies().length === 2 ? true : undefined));

      await post(wa('text', 'wamid.u5', 'I want to talk to a human'));
      await until(async () =>
        (await s.server.store.conversations.get(conversation.id))?.status === 'queued'
          ? true
          : undefined,
      );
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
        token: agent,
      });
      await post(wa('unsupported_poll', 'wamid.u6'));
      // The agent sees it, as what it was; the bot says nothing.
      const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${conversation.id}/events`, {
        token: agent,
      });
      const last = seen.body.events.filter((e: any) => e.data.from === 'customer').at(-1);
      expect(last.data).toMatchObject({ providerMessageId: 'wamid.u6' });
      expect(last.data.unsupported).toEqual(expect.any(String));
      await new Promise((r) => setTimeout(r, 300));
      expect(politeReplies()).toHaveLength(2);
    },
    30_000,
  );

  it.skipIf(database.skipReason)("answers in the customer's language (Telegram poll)", async () => {
    const update = {
      update_id: 501,
      message: {
        message_id: 12,
        date: 1,
        chat: { id: 777, type: 'private' },
        from: { id: 777, first_name: 'Jonas', is_bot: false, language_code: 'de' },
        poll: { id: 'p1', question: 'Welche Farbe?', options: [] },
      },
    };
    const r = await fetch(`${s.baseUrl}/channels/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': 'tg-secret_1',
      },
      body: JSON.stringify(update),
    });
    expect(r.status).toBe(200);
    const toJonas = () =>
      sent.filter((x) => x.url.includes('/sendMessage') && x.body.chat_id === 777);
    // The greeting, then the request to describe the poll, in German.
    const replies = await until(() => (toJonas().length === 2 ? toJonas() : undefined));
    const texts = replies.map((x) => String(x.body.text));
    expect(texts.filter((t) => /kann ich noch nicht öffnen/.test(t))).toHaveLength(1);
    expect(texts.join('\n')).not.toMatch(/can't open/);
    const conversation = await s.server.store.conversations.findOpenByThread('telegram', '777');
    const customer = await customerMessages(conversation!.id);
    expect(customer[0]!.data).toMatchObject({ unsupported: 'poll', text: '[poll message]' });
  });
});
