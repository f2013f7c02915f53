/** Telegram and SMS through the real server: signed in, replies out, STOP respected. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import type { TestServer } from '../helpers/test-server.ts';
import {
  startSmsTelegramServer,
  TWILIO_PUBLIC_BASE_URL as PUBLIC,
  type SmsTelegramServer,
} from '../helpers/sms-telegram-server.ts';
import { until } from '../helpers/until.ts';

describe('Telegram and SMS through the server', () => {
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

  it('Telegram: checks the secret token and answers in the same chat', async () => {
    const update = {
      update_id: 10,
      message: {
        message_id: 77,
        date: 1,
        chat: { id: 4242, type: 'private' },
        from: { id: 4242, first_name: 'Ana', is_bot: false },
        text: 'What payment methods do you accept?',
      },
    };
    const send = (token?: string) =>
      fetch(`${s.baseUrl}/channels/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'x-telegram-bot-api-secret-token': token } : {}),
        },
        body: JSON.stringify(update),
      });
    expect((await send()).status).toBe(401);
    expect((await send('wrong')).status).toBe(403);
    expect((await send('tg-secret_1')).status).toBe(200);
    const answer = await until(() =>
      sent.find((r) => r.url.endsWith('/bot123:abc/sendMessage') && /card|pay/i.test(r.body)),
    );
    expect(JSON.parse(answer.body)).toMatchObject({ chat_id: 4242 });
  });

  it('SMS: verifies the Twilio signature, replies to the sender, and stops after STOP', async () => {
    const path = '/channels/sms/webhook';
    const sms = (sid: string, body: string) => {
      const params = {
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: 'AC123',
        From: '+15550001111',
        To: '+15559998888',
        Body: body,
        NumMedia: '0',
      };
      const form = new URLSearchParams(params).toString();
      return fetch(`${s.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': computeTwilioSignature('twilio-token', `${PUBLIC}${path}`, params),
        },
        body: form,
      });
    };
    const forged = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': 'bm90IGl0',
      },
      body: 'From=%2B1&Body=hi',
    });
    expect(forged.status).toBe(403);

    expect((await sms('SM1', 'How long does shipping take?')).status).toBe(200);
    const reply = await until(() =>
      sent.find((r) => r.url.includes('/Accounts/AC123/Messages') && /business/.test(r.body)),
    );
    const form = new URLSearchParams(reply.body);
    expect(form.get('To')).toBe('+15550001111');
    expect(form.get('From')).toBe('+15559998888');

    expect((await sms('SM2', 'STOP')).status).toBe(200);
    const conversation = await until(() =>
      s.server.store.conversations.findOpenByThread('sms', '+15559998888:+15550001111'),
    );
    await until(async () =>
      (await s.server.store.conversations.get(conversation.id))?.channelState.optedOut
        ? true
        : undefined,
    );
    const before = sent.length;
    expect((await sms('SM3', 'What payment methods do you accept?')).status).toBe(200);
    const refused = await until(async () =>
      (await s.server.store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'message.delivery' && e.data.status === 'failed',
      ),
    );
    expect(refused.data.error).toMatch(/opted out/);
    expect(sent.length).toBe(before);
  });
});
