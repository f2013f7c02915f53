/**
 * Choices and typing in the channels, through the real server against one stand-in for the
 * providers' APIs that records every call: the handoff's options go out as WhatsApp reply
 * buttons, a Telegram inline keyboard, Messenger quick replies and numbered SMS text; a
 * press (or the typed number) is handled as choosing the option; Telegram's callback query
 * is answered; the greeting says how to reach a person in each channel; and the assigned
 * agent's typing reaches Telegram, Messenger and WhatsApp, once per 5 seconds of the app's
 * clock, and never SMS.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  firstMessage,
  WA_CUSTOMER_ID,
  WA_THREAD,
  whatsappExample,
} from '../helpers/whatsapp-payloads.ts';

const META_SECRET = 'meta-app-secret';
const PUBLIC = 'https://baton.example.com';
const PAGE = '104880000000001';
const PSID = '7310000000000042';
const REFUND = 'I want to talk to a human about a refund';

describe('choices and typing in the channels', () => {
  const sent: Array<{ url: string; body: string }> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          result: { message_id: 9 },
          sid: 'SM1',
          message_id: 'm.1',
          messages: [{ id: `wamid.out${sent.length}` }],
        }),
      );
    });
  });
  let s: TestServer;
  let now = new Date();
  let agentToken = '';
  let agent: TestSocket;
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    s = await startTestServer({
      clock: () => now,
      env: {
        BATON_WHATSAPP_APP_SECRET: META_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'v',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: base,
        BATON_MESSENGER_APP_SECRET: META_SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'v',
        BATON_MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
        BATON_MESSENGER_API_BASE_URL: base,
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
        BATON_TELEGRAM_API_BASE_URL: base,
        BATON_TWILIO_ACCOUNT_SID: 'AC123',
        BATON_TWILIO_AUTH_TOKEN: 'twilio-token',
        BATON_TWILIO_PUBLIC_BASE_URL: PUBLIC,
        BATON_TWILIO_API_BASE_URL: base,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
    agentToken = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    // Alex takes every channel's conversation in the typing test.
    const me = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: agentToken })).body.agent;
    await s.server.store.agents.update(me.id, { maxConcurrent: 10 });
    agent = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(agentToken));
  });
  afterAll(async () => {
    await agent?.close();
    await s?.close();
    provider.close();
  });

  const store = () => s.server.store.conversations;
  const bodies = (path: string) =>
    sent.filter((r) => r.url.endsWith(path)).map((r) => JSON.parse(r.body));
  const open = (channel: string, thread: string) =>
    until(() => store().findOpenByThread(channel, thread));
  const customerSaid = (id: string, choice: string) =>
    until(async () =>
      (await store().eventsSince(id, 0)).find(
        (e) =>
          e.type === 'message.created' && e.data.from === 'customer' && e.data.choice === choice,
      ),
    );
  const botSaid = (id: string, kind: string) =>
    until(async () =>
      (await store().eventsSince(id, 0)).find(
        (e) => e.type === 'message.created' && e.data.kind === kind,
      ),
    );

  // --- the providers' webhooks, as each provider sends them ---
  const whatsapp = (message: Record<string, unknown>) => {
    const payload = whatsappExample('messages', 'text');
    payload.entry[0].changes[0].value.messages[0] = {
      ...firstMessage(payload),
      timestamp: String(Math.floor(now.getTime() / 1000)),
      ...message,
    };
    return postMetaWebhook(
      `${s.baseUrl}/channels/whatsapp/webhook`,
      JSON.stringify(payload),
      META_SECRET,
    );
  };
  const telegram = (update: Record<string, unknown>, secret = 'tg-secret_1') =>
    fetch(`${s.baseUrl}/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });
  const messenger = (message: Record<string, unknown>) => {
    const body = JSON.parse(
      readFileSync(new URL('../fixtures/channels/messenger/text.json', import.meta.url), 'utf8'),
    );
    body.entry[0].messaging[0].timestamp = now.getTime();
    body.entry[0].messaging[0].message = message;
    return postMetaWebhook(
      `${s.baseUrl}/channels/messenger/webhook`,
      JSON.stringify(body),
      META_SECRET,
    );
  };
  const sms = (sid: string, text: string) => {
    const params = {
      MessageSid: sid,
      AccountSid: 'AC123',
      From: '+15550001111',
      To: '+15559998888',
      Body: text,
      NumMedia: '0',
    };
    const path = '/channels/sms/webhook';
    return fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature('twilio-token', `${PUBLIC}${path}`, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  };

  it('WhatsApp: reply buttons, and a press is the choice', async () => {
    expect(
      (await whatsapp({ id: 'wamid.choice1', type: 'text', text: { body: REFUND } })).status,
    ).toBe(200);
    const handoff = await until(() =>
      bodies('/555010778800/messages').find((b) => b.type === 'interactive'),
    );
    const c = await open('whatsapp', WA_THREAD);
    const asked = await botSaid(c.id, 'handoff');
    expect(handoff).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: WA_CUSTOMER_ID,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: asked.data.text },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'connect_now', title: 'Connect now' } },
            { type: 'reply', reply: { id: 'share_details', title: 'Share details first' } },
          ],
        },
      },
    });
    // The stored text is the question alone; the options are the buttons.
    expect(asked.data.text).not.toMatch(/1\)/);
    const greeting = bodies('/555010778800/messages').find((b) =>
      /automated assistant/.test(b.text?.body ?? ''),
    );
    expect(greeting.text.body).toMatch(/If you would rather talk to a person, write “agent”/);

    const press = whatsappExample('messages', 'button_reply').entry[0].changes[0].value.messages[0];
    // The id decides, whatever title comes back (a label cut to 20 characters would not match).
    press.interactive.button_reply = { id: 'share_details', title: 'Share details fi…' };
    expect((await whatsapp({ ...press, id: 'wamid.choice2' })).status).toBe(200);
    const chosen = await customerSaid(c.id, 'share_details');
    expect(chosen.data.answers).toBe(asked.seq);
    await botSaid(c.id, 'details_question');
  });

  it('Telegram: an inline keyboard; the press is verified, answered and handled as the choice', async () => {
    const chat = { id: 4242, type: 'private' };
    const from = { id: 4242, first_name: 'Ana', is_bot: false };
    await telegram({
      update_id: 1,
      message: { message_id: 70, date: 1, chat, from, text: REFUND },
    });
    const keyboard = await until(() =>
      bodies('/bot123:abc/sendMessage').find((b) => b.reply_markup),
    );
    const c = await open('telegram', '4242');
    const asked = await botSaid(c.id, 'handoff');
    expect(keyboard).toEqual({
      chat_id: 4242,
      text: asked.data.text,
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Connect now', callback_data: 'connect_now' }],
          [{ text: 'Share details first', callback_data: 'share_details' }],
        ],
      },
    });
    const greeting = bodies('/bot123:abc/sendMessage').find((b) =>
      /automated assistant/.test(b.text),
    );
    expect(greeting.text).toMatch(/write “agent”/);
    expect(greeting.text).not.toMatch(/press/);

    const press = {
      update_id: 2,
      callback_query: {
        id: 'cbq-1',
        from,
        chat_instance: 'ci',
        data: 'connect_now',
        message: {
          message_id: 71,
          date: 1,
          chat,
          text: asked.data.text,
          reply_markup: keyboard.reply_markup,
        },
      },
    };
    expect((await telegram(press, 'wrong')).status).toBe(403);
    expect((await telegram(press)).status).toBe(200);
    const chosen = await customerSaid(c.id, 'connect_now');
    expect(chosen.data.text).toBe('Connect now');
    await botSaid(c.id, 'connect_now_kept');
    expect(await until(() => bodies('/bot123:abc/answerCallbackQuery')[0])).toEqual({
      callback_query_id: 'cbq-1',
    });
    // The refused press was neither stored nor answered.
    expect(bodies('/bot123:abc/answerCallbackQuery')).toHaveLength(1);
  });

  it('Telegram: a press that names no choice of Baton’s is read as its title, and answered', async () => {
    const chat = { id: 5151, type: 'private' };
    const from = { id: 5151, first_name: 'Joe', is_bot: false };
    const keyboard = {
      inline_keyboard: [[{ text: 'Talk to a person', callback_data: 'agent_now' }]],
    };
    const press = {
      update_id: 3,
      callback_query: {
        id: 'cbq-2',
        from,
        chat_instance: 'cj',
        data: 'agent_now',
        message: { message_id: 5, date: 1, chat, text: 'Need help?', reply_markup: keyboard },
      },
    };
    expect((await telegram(press)).status).toBe(200);
    const c = await open('telegram', '5151');
    const said = await until(async () =>
      (await store().eventsSince(c.id, 0)).find(
        (e) => e.type === 'message.created' && e.data.from === 'customer',
      ),
    );
    expect(said.data.text).toBe('Talk to a person');
    expect(said.data.choice).toBeUndefined();
    await until(async () => ((await store().get(c.id))?.handedOverAt ? true : undefined));
    await until(() =>
      bodies('/bot123:abc/answerCallbackQuery').find((b) => b.callback_query_id === 'cbq-2'),
    );
  });

  it('the web widget’s greeting names its button', async () => {
    const c = await startConversation(s.baseUrl);
    const greeting = (await store().eventsSince(c.id, 0)).find((e) => e.data.kind === 'greeting');
    expect(greeting?.data.text).toMatch(
      /If you would rather talk to a person, press “Talk to a human” or just say so, at any time\.$/,
    );
  });

  it('Messenger: quick replies whose payload comes back as the choice', async () => {
    await messenger({ mid: 'm_choice1', text: REFUND });
    const quick = await until(() =>
      bodies(`/${PAGE}/messages`).find((b) => b.message?.quick_replies),
    );
    const c = await open('messenger', `${PAGE}:${PSID}`);
    const asked = await botSaid(c.id, 'handoff');
    expect(quick).toEqual({
      recipient: { id: PSID },
      messaging_type: 'RESPONSE',
      message: {
        text: asked.data.text,
        quick_replies: [
          { content_type: 'text', title: 'Connect now', payload: 'connect_now' },
          { content_type: 'text', title: 'Share details first', payload: 'share_details' },
        ],
      },
    });
    await messenger({
      mid: 'm_choice2',
      text: 'Share details first',
      quick_reply: { payload: 'share_details' },
    });
    await customerSaid(c.id, 'share_details');
  });

  it('SMS: the greeting says what to write; the options are numbered and the number chooses', async () => {
    expect((await sms('SMchoice1', REFUND)).status).toBe(200);
    const c = await open('sms', '+15559998888:+15550001111');
    const asked = await botSaid(c.id, 'handoff');
    const texts = () =>
      sent
        .filter((r) => r.url.includes('/Accounts/AC123/Messages'))
        .map((r) => new URLSearchParams(r.body).get('Body') ?? '');
    const numbered = await until(() => texts().find((t) => t.startsWith(String(asked.data.text))));
    expect(numbered).toBe(
      `${asked.data.text}\n\nReply with the number:\n1) Connect now\n2) Share details first`,
    );
    expect(texts().find((t) => /automated assistant/.test(t))).toMatch(
      /If you would rather talk to a person, reply “agent” at any time\.$/,
    );
    expect((await sms('SMchoice2', '2')).status).toBe(200);
    await customerSaid(c.id, 'share_details');
  });

  it('the greeting’s word for a person hands an SMS conversation over', async () => {
    const params = { From: '+15550002222' };
    const path = '/channels/sms/webhook';
    const form = {
      MessageSid: 'SMagent2',
      AccountSid: 'AC123',
      From: params.From,
      To: '+15559998888',
      Body: 'agent',
      NumMedia: '0',
    };
    await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature('twilio-token', `${PUBLIC}${path}`, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    const c = await open('sms', `+15559998888:${params.From}`);
    await until(async () => ((await store().get(c.id))?.handedOverAt ? true : undefined));
  });

  it('forwards the assigned agent’s typing at most once per 5 seconds, and never to SMS', async () => {
    const typingCalls = () =>
      sent.filter(
        (r) => r.url.endsWith('/sendChatAction') || /typing_on|typing_indicator/.test(r.body),
      );
    const claim = async (channel: string, thread: string) => {
      const c = await open(channel, thread);
      await until(async () => ((await store().get(c.id))?.handedOverAt ? true : undefined));
      const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: agentToken,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return c.id;
    };
    const typeIn = async (id: string, times: number) => {
      for (let i = 0; i < times; i++) agent.send({ type: 'typing', conversationId: id });
      // The socket thins repeats to one per 2 s of wall time; the forward is what is counted.
      await new Promise((r) => setTimeout(r, 300));
    };

    const telegramId = await claim('telegram', '4242');
    const before = typingCalls().length;
    await typeIn(telegramId, 3);
    await until(() => (typingCalls().length > before ? true : undefined));
    expect(bodies('/bot123:abc/sendChatAction')).toEqual([{ chat_id: 4242, action: 'typing' }]);
    now = new Date(now.getTime() + 4999);
    await new Promise((r) => setTimeout(r, 2100)); // past the socket's own 2 s thinning
    await typeIn(telegramId, 1);
    expect(bodies('/bot123:abc/sendChatAction')).toHaveLength(1); // 4.999 s: still throttled
    now = new Date(now.getTime() + 1);
    await new Promise((r) => setTimeout(r, 2100));
    await typeIn(telegramId, 1);
    await until(() => (bodies('/bot123:abc/sendChatAction').length === 2 ? true : undefined));

    const messengerId = await claim('messenger', `${PAGE}:${PSID}`);
    await typeIn(messengerId, 1);
    expect(await until(() => bodies(`/${PAGE}/messages`).find((b) => b.sender_action))).toEqual({
      recipient: { id: PSID },
      sender_action: 'typing_on',
    });

    const whatsappId = await claim('whatsapp', WA_THREAD);
    await typeIn(whatsappId, 1);
    expect(
      await until(() => bodies('/555010778800/messages').find((b) => b.typing_indicator)),
    ).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.choice2',
      typing_indicator: { type: 'text' },
    });

    const smsId = await claim('sms', '+15559998888:+15550001111');
    // What the claim says to the customer ("Alex has joined") is sent before counting.
    await until(async () => {
      const events = await store().eventsSince(smsId, 0);
      const out = events.filter((e) => e.type === 'message.created' && e.data.from !== 'customer');
      const delivered = new Set(
        events.filter((e) => e.type === 'message.delivery').map((e) => e.data.seq),
      );
      return out.every((e) => delivered.has(e.seq)) ? true : undefined;
    });
    const smsBefore = sent.filter((r) => r.url.includes('/Accounts/AC123/Messages')).length;
    const allBefore = sent.length;
    await typeIn(smsId, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.filter((r) => r.url.includes('/Accounts/AC123/Messages'))).toHaveLength(smsBefore);
    expect(sent).toHaveLength(allBefore);
  }, 60_000);

  it('the survey’s ratings are quick replies; a press is the rating', async () => {
    const c = await open('messenger', `${PAGE}:${PSID}`);
    const resolved = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
      token: agentToken,
      body: { resolved: true },
    });
    expect(resolved.status).toBe(200);
    const survey = await until(() =>
      bodies(`/${PAGE}/messages`).find((b) => /rate this conversation/.test(b.message?.text ?? '')),
    );
    expect(survey.message.quick_replies).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({
        content_type: 'text',
        title: '★'.repeat(n),
        payload: String(n),
      })),
    );
    await messenger({ mid: 'm_rating', text: '★★★★', quick_reply: { payload: '4' } });
    const rating = await until(async () =>
      (await store().eventsSince(c.id, 0)).find((e) => e.type === 'csat.submitted'),
    );
    expect(rating.data).toEqual({ rating: 4, via: 'messenger' });
  });
});
