/**
 * Delivered and read receipts for agents' replies on channels (docs/channels.md, "Delivery
 * and read statuses"): the outbox keeps the provider's id of each reply it sends, and the
 * provider's signed status webhooks (WhatsApp Cloud `statuses`, Messenger `delivery` and
 * `read`, Twilio status callbacks) are tied to that reply, whatever their order: a status
 * before the send result, a duplicate, a `delivered` after a `read`, an id Baton never sent.
 * Telegram reports no statuses; its id is kept all the same. Through the real server, against
 * one stand-in for the providers' APIs, on both engines.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { replyReceipts } from '../../src/core/conversation/reply-receipts.ts';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  firstMessage,
  WA_CUSTOMER_ID,
  WA_PHONE_NUMBER_ID,
  WA_THREAD,
  whatsappExample,
} from '../helpers/whatsapp-payloads.ts';

const WA_SECRET = 'wa-app-secret';
const FB_SECRET = 'fb-app-secret';
const TWILIO_TOKEN = 'twilio-token';
const PUBLIC = 'https://baton.example.com';
const PAGE = '104880000000001';
const PSID = '7310000000000042';
const SMS_BATON = '+15559998888';
const SMS_CUSTOMER = '+15550001111';

/** The id the stand-in gives a sent text: known to the test before the send answers. */
const idOf = (prefix: string, text: string) =>
  `${prefix}${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;

/** The text of a request Baton made to any of the providers. */
function sentText(url: string, body: string): string {
  if (url.endsWith('/Messages.json')) return new URLSearchParams(body).get('Body') ?? '';
  const json = JSON.parse(body) as any;
  return json.text?.body ?? json.message?.text ?? json.text ?? '';
}

describe.each(TEST_DATABASES)('delivery and read receipts on channels ($name)', (database) => {
  let s: TestServer;
  let agent: string;
  /** Sends whose text includes this wait for `release` before the provider answers. */
  const held = { marker: '', release: Promise.resolve() };
  /** The StatusCallback of every SMS Baton sent. */
  const smsCallbacks: Array<string | null> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const url = req.url ?? '';
      const text = sentText(url, body);
      if (held.marker && text.includes(held.marker)) await held.release;
      let answer: unknown = { ok: true, result: true };
      if (url.endsWith('/Messages.json')) {
        smsCallbacks.push(new URLSearchParams(body).get('StatusCallback'));
        answer = { sid: idOf('SM', text), status: 'queued' };
      } else if (url.endsWith('/sendMessage'))
        answer = { ok: true, result: { message_id: 9001, chat: { id: 4242 }, text } };
      else if (url.includes(`/${WA_PHONE_NUMBER_ID}/messages`))
        answer = {
          messaging_product: 'whatsapp',
          contacts: [{ input: WA_CUSTOMER_ID, wa_id: WA_CUSTOMER_ID }],
          messages: [{ id: idOf('wamid.', text) }],
        };
      else if (url.includes(`/${PAGE}/messages`))
        answer = { recipient_id: PSID, message_id: idOf('m_', text) };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });

  const events = async (id: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, { token: agent }))
      .body.events as any[];
  const receipts = async (id: string) => replyReceipts(await events(id));

  const whatsapp = (body: unknown) =>
    postMetaWebhook(`${s.baseUrl}/channels/whatsapp/webhook`, JSON.stringify(body), WA_SECRET);
  const messenger = (messaging: unknown) =>
    postMetaWebhook(
      `${s.baseUrl}/channels/messenger/webhook`,
      JSON.stringify({
        object: 'page',
        entry: [{ id: PAGE, time: Date.now(), messaging: [messaging] }],
      }),
      FB_SECRET,
    );
  const twilio = (params: Record<string, string>) =>
    fetch(`${s.baseUrl}/channels/sms/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(
          TWILIO_TOKEN,
          `${PUBLIC}/channels/sms/webhook`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });

  /** A WhatsApp Cloud status webhook (statuses.json's shape) for the message `id`. */
  function waStatus(example: 'sent' | 'delivered' | 'read' | 'failed', id: string) {
    const body = whatsappExample('statuses', example);
    const status = body.entry[0].changes[0].value.statuses[0];
    status.id = id;
    status.timestamp = String(Math.floor(Date.now() / 1000));
    return body;
  }

  /** The customer asks for a person on the channel; the demo agent claims the conversation. */
  async function claimed(channel: string, thread: string, ask: () => Promise<Response>) {
    expect((await ask()).status).toBe(200);
    const store = s.server.store;
    const conversation = await until(async () => {
      const c = await store.conversations.findOpenByThread(channel, thread);
      return c && ['queued', 'offered', 'assigned'].includes(c.status) ? c : undefined;
    }, 30_000);
    if (conversation.status !== 'assigned') {
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
        token: agent,
      });
      expect(claim.status).toBe(200);
    }
    return conversation.id;
  }

  /** The agent's reply, as stored; once sent, its delivery record. */
  async function reply(conversationId: string, text: string, options = { waitForSend: true }) {
    const posted = await api(
      s.baseUrl,
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      {
        token: agent,
        body: { text },
      },
    );
    expect(posted.status).toBe(201);
    const seq = (
      await until(async () =>
        (await events(conversationId)).find(
          (e) => e.type === 'message.created' && e.data.from === 'agent' && e.data.text === text,
        ),
      )
    ).seq as number;
    if (!options.waitForSend) return { seq, delivery: undefined };
    const delivery = await until(async () =>
      (await events(conversationId)).find(
        (e) => e.type === 'message.delivery' && e.data.seq === seq,
      ),
    );
    return { seq, delivery };
  }

  const statusCount = async (id: string) =>
    (await events(id)).filter((e) => e.type === 'message.status').length;

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_WHATSAPP_APP_SECRET: WA_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: base,
        BATON_MESSENGER_APP_SECRET: FB_SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'v',
        BATON_MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
        BATON_MESSENGER_API_BASE_URL: base,
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
        BATON_TELEGRAM_API_BASE_URL: base,
        BATON_TWILIO_ACCOUNT_SID: 'AC123',
        BATON_TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        BATON_TWILIO_PUBLIC_BASE_URL: PUBLIC,
        BATON_TWILIO_API_BASE_URL: base,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
  });

  it.skipIf(database.skipReason)(
    'WhatsApp: keeps the wamid, ties statuses to the reply in any order, and shows a failure with its reason',
    async () => {
      const ask = whatsappExample('messages', 'text');
      const message = firstMessage(ask);
      message.id = `wamid.in.${database.name}`;
      message.text.body = 'I want to talk to a human';
      message.timestamp = String(Math.floor(Date.now() / 1000));
      const id = await claimed('whatsapp', WA_THREAD, () => whatsapp(ask));

      const first = await reply(id, 'Hi, Alex here 👋');
      const wamid = idOf('wamid.', 'Hi, Alex here 👋');
      expect(first.delivery.data).toMatchObject({ status: 'sent', providerMessageIds: [wamid] });
      expect(await receipts(id)).toMatchObject({ seen: 0, delivered: 0 });

      expect((await whatsapp(waStatus('delivered', wamid))).status).toBe(200);
      await until(async () => ((await receipts(id)).delivered === first.seq ? true : undefined));
      // Read, then the same delivered again (a redelivery, out of order): it stays read.
      expect((await whatsapp(waStatus('read', wamid))).status).toBe(200);
      expect((await whatsapp(waStatus('delivered', wamid))).status).toBe(200);
      // A status for a message Baton never sent is kept without harm, tied to nothing.
      expect((await whatsapp(waStatus('read', 'wamid.someone-else'))).status).toBe(200);
      await until(async () => ((await statusCount(id)) >= 4 ? true : undefined));
      expect(await receipts(id)).toMatchObject({ seen: first.seq, delivered: 0 });
      expect((await receipts(id)).failed.size).toBe(0);

      // The status arrives while Baton still waits for the send's answer: tied once it has it.
      let release = () => {};
      held.marker = 'one moment';
      held.release = new Promise<void>((r) => (release = r));
      const early = await reply(id, 'Checking, one moment', { waitForSend: false });
      const earlyId = idOf('wamid.', 'Checking, one moment');
      expect((await whatsapp(waStatus('delivered', earlyId))).status).toBe(200);
      await until(async () => ((await statusCount(id)) >= 5 ? true : undefined));
      expect((await receipts(id)).delivered).toBe(0);
      release();
      held.marker = '';
      await until(async () => ((await receipts(id)).delivered === early.seq ? true : undefined));

      // WhatsApp could not deliver it: the agent is told why, under the reply.
      const last = await reply(id, 'Are you still there?');
      const failed = waStatus('failed', idOf('wamid.', 'Are you still there?'));
      expect((await whatsapp(failed)).status).toBe(200);
      const reason = await until(async () => (await receipts(id)).failed.get(last.seq));
      expect(reason).toContain('Re-engagement message');
      expect(reason).toContain('More than 24 hours have passed');

      // Forged statuses are refused and stored nowhere.
      const before = await statusCount(id);
      const forged = await fetch(`${s.baseUrl}/channels/whatsapp/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        },
        body: JSON.stringify(waStatus('read', idOf('wamid.', 'Are you still there?'))),
      });
      expect(forged.status).toBe(403);
      expect(await statusCount(id)).toBe(before);
    },
    120_000,
  );

  it.skipIf(database.skipReason)(
    'Messenger: a delivery names the mids, a read watermark marks every reply sent before it',
    async () => {
      const id = await claimed('messenger', `${PAGE}:${PSID}`, () =>
        messenger({
          sender: { id: PSID },
          recipient: { id: PAGE },
          timestamp: Date.now(),
          message: { mid: `m_in.${database.name}`, text: 'I want to talk to a human' },
        }),
      );
      const first = await reply(id, 'Hello from Alex');
      const second = await reply(id, 'Your parcel left the depot today');
      const mid = idOf('m_', 'Your parcel left the depot today');
      expect(second.delivery.data).toMatchObject({ status: 'sent', providerMessageIds: [mid] });

      const delivery = {
        sender: { id: PSID },
        recipient: { id: PAGE },
        timestamp: Date.now(),
        delivery: { mids: [idOf('m_', 'Hello from Alex'), mid], watermark: Date.now() },
      };
      expect((await messenger(delivery)).status).toBe(200);
      await until(async () => ((await receipts(id)).delivered === second.seq ? true : undefined));
      expect((await receipts(id)).seen).toBe(0);

      const watermark = Date.now();
      const read = {
        sender: { id: PSID },
        recipient: { id: PAGE },
        timestamp: watermark,
        read: { watermark },
      };
      expect((await messenger(read)).status).toBe(200);
      await until(async () => ((await receipts(id)).seen === second.seq ? true : undefined));
      // A delivery redelivered after the read takes nothing back.
      expect((await messenger(delivery)).status).toBe(200);
      await until(async () => ((await statusCount(id)) >= 3 ? true : undefined));
      expect(await receipts(id)).toMatchObject({ seen: second.seq, delivered: 0 });
      expect(first.seq).toBeLessThan(second.seq);
    },
    120_000,
  );

  it.skipIf(database.skipReason)(
    'SMS: keeps the Twilio sid; a signed status callback says delivered, or undelivered with the error',
    async () => {
      const inbound = {
        MessageSid: `SMin${database.name}`,
        SmsSid: `SMin${database.name}`,
        AccountSid: 'AC123',
        From: SMS_CUSTOMER,
        To: SMS_BATON,
        Body: 'I want to talk to a human',
        NumMedia: '0',
      };
      const id = await claimed('sms', `${SMS_BATON}:${SMS_CUSTOMER}`, () => twilio(inbound));
      const first = await reply(id, 'Alex here, by text');
      const sid = idOf('SM', 'Alex here, by text');
      expect(first.delivery.data).toMatchObject({ status: 'sent', providerMessageIds: [sid] });
      // Twilio reports to the URL each send names: the webhook, signed like a message.
      expect(new Set(smsCallbacks)).toEqual(new Set([`${PUBLIC}/channels/sms/webhook`]));
      const callback = (MessageSid: string, MessageStatus: string, extra = {}) => ({
        MessageSid,
        SmsSid: MessageSid,
        AccountSid: 'AC123',
        From: SMS_BATON,
        To: SMS_CUSTOMER,
        MessageStatus,
        SmsStatus: MessageStatus,
        ApiVersion: '2010-04-01',
        ...extra,
      });
      expect((await twilio(callback(sid, 'sent'))).status).toBe(200);
      expect((await twilio(callback(sid, 'delivered'))).status).toBe(200);
      await until(async () => ((await receipts(id)).delivered === first.seq ? true : undefined));

      const second = await reply(id, 'Second text');
      const failed = callback(idOf('SM', 'Second text'), 'undelivered', {
        ErrorCode: '30003',
        ErrorMessage: 'Unreachable destination handset',
      });
      // Unsigned, it is refused; signed, it is the reason the agent reads.
      const unsigned = await fetch(`${s.baseUrl}/channels/sms/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(failed).toString(),
      });
      expect(unsigned.status).toBe(401);
      expect((await twilio(failed)).status).toBe(200);
      const reason = await until(async () => (await receipts(id)).failed.get(second.seq));
      expect(reason).toBe('Twilio error 30003: Unreachable destination handset');
      expect((await receipts(id)).delivered).toBe(first.seq);
    },
    120_000,
  );

  it.skipIf(database.skipReason)(
    'Telegram: keeps the message_id of what Baton sent, though Telegram reports no statuses',
    async () => {
      const update = {
        update_id: 10,
        message: {
          message_id: 77,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 4242, type: 'private' },
          from: { id: 4242, first_name: 'Ana', is_bot: false },
          text: 'What payment methods do you accept?',
        },
      };
      const posted = await fetch(`${s.baseUrl}/channels/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': 'tg-secret_1',
        },
        body: JSON.stringify(update),
      });
      expect(posted.status).toBe(200);
      const conversation = await until(() =>
        s.server.store.conversations.findOpenByThread('telegram', '4242'),
      );
      const delivery = await until(async () =>
        (await s.server.store.conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.type === 'message.delivery',
        ),
      );
      expect(delivery.data).toMatchObject({ status: 'sent', providerMessageIds: ['9001'] });
    },
  );
});
