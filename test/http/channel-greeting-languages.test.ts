/**
 * The greeting on SMS and Telegram in Spanish and German, through the running server against
 * a stand-in for the providers: the language is known before the greeting (the customer's
 * first words, or Telegram's language_code when they are too few), the greeting tells the
 * customer the word to write in that language, and writing it hands the conversation over
 * with the handoff text in the same language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { customerText } from '../../src/core/i18n/customer-text.ts';
import type { TestServer } from '../helpers/test-server.ts';
import {
  startSmsTelegramServer,
  TWILIO_PUBLIC_BASE_URL as PUBLIC,
  type SmsTelegramServer,
} from '../helpers/sms-telegram-server.ts';
import { until } from '../helpers/until.ts';
import { isGreeting, wordOf } from '../helpers/greeting-text.ts';

const FIRST_WORDS = {
  es: 'Hola, tengo una pregunta sobre mi pedido',
  de: 'Hallo, ich habe eine Frage zu meiner Bestellung',
} as const;

describe('the greeting on SMS and Telegram, in Spanish and German', () => {
  let stand: SmsTelegramServer;
  let s: TestServer;
  let sent: SmsTelegramServer['sent'];
  beforeAll(async () => {
    stand = await startSmsTelegramServer();
    s = stand.server;
    sent = stand.sent;
  });
  afterAll(async () => {
    await stand?.close();
  });

  const store = () => s.server.store.conversations;
  const smsTexts = (to: string) =>
    sent
      .filter((r) => r.url.includes('/Accounts/AC123/Messages'))
      .map((r) => new URLSearchParams(r.body))
      .filter((form) => form.get('To') === to)
      .map((form) => form.get('Body') ?? '');
  const telegramTexts = (chat: number) =>
    sent
      .filter((r) => r.url.endsWith('/bot123:abc/sendMessage'))
      .map((r) => JSON.parse(r.body) as { chat_id: number; text: string })
      .filter((b) => b.chat_id === chat)
      .map((b) => b.text);
  const handedOver = async (channel: string, thread: string) => {
    const c = await until(() => store().findOpenByThread(channel, thread));
    return until(async () => {
      const events = await store().eventsSince(c.id, 0);
      return events.find((e) => e.type === 'message.created' && e.data.kind === 'handoff');
    });
  };

  function sms(from: string, sid: string, body: string) {
    const path = '/channels/sms/webhook';
    const params = {
      MessageSid: sid,
      SmsSid: sid,
      AccountSid: 'AC123',
      From: from,
      To: '+15559998888',
      Body: body,
      NumMedia: '0',
    };
    return fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature('twilio-token', `${PUBLIC}${path}`, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  function telegram(chat: number, update: number, text: string, languageCode: string) {
    return fetch(`${s.baseUrl}/channels/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': 'tg-secret_1',
      },
      body: JSON.stringify({
        update_id: update,
        message: {
          message_id: update,
          date: 1,
          chat: { id: chat, type: 'private' },
          from: { id: chat, first_name: 'Ana', is_bot: false, language_code: languageCode },
          text,
        },
      }),
    });
  }

  it.each([
    ['es', '+15550003001'],
    ['de', '+15550003002'],
  ] as const)('SMS in %s: reply with the word, and a person is on the way', async (lang, from) => {
    expect((await sms(from, `SM${lang}1`, FIRST_WORDS[lang])).status).toBe(200);
    const greeting = await until(() =>
      smsTexts(from).find((t) => t.includes(customerText('reach_word', lang, {}))),
    );
    const word = customerText('reach_word', lang, {});
    expect(isGreeting(greeting, 'greeting_reply', lang, { button: '', word }), greeting).toBe(true);
    expect((await sms(from, `SM${lang}2`, wordOf(greeting))).status).toBe(200);
    const handoff = await handedOver('sms', `+15559998888:${from}`);
    expect(handoff.data.text).toContain(customerText('context_kept', lang, {}));
    // And the customer receives it by SMS.
    await until(() =>
      smsTexts(from).find((t) => t.includes(customerText('context_kept', lang, {}))),
    );
  });

  it.each([
    ['es', 6001, 'Hola'],
    ['de', 6002, 'Hallo'],
  ] as const)(
    'Telegram in %s (language_code, too few words to tell): write the word, and it hands over',
    async (lang, chat, hello) => {
      expect((await telegram(chat, chat * 10, hello, lang)).status).toBe(200);
      const greeting = await until(() =>
        telegramTexts(chat).find((t) => t.includes(customerText('reach_word', lang, {}))),
      );
      expect(greeting).toMatch(
        lang === 'es' ? /escriba «agente»/ : /schreiben Sie .*„Mitarbeiter“/,
      );
      expect(greeting).not.toMatch(/press|pulse|wählen Sie/i);
      expect((await telegram(chat, chat * 10 + 1, wordOf(greeting), lang)).status).toBe(200);
      const handoff = await handedOver('telegram', String(chat));
      expect(handoff.data.text).toContain(customerText('context_kept', lang, {}));
    },
  );
});
