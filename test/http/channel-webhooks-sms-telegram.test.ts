/** Telegram and SMS through the real server: signed in, replies out, STOP respected. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe('Telegram and SMS through the server', () => {
  const sent: Array<{ url: string; body: string }> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: 9 }, sid: 'SM1' }));
    });
  });
  let s: TestServer;
  const PUBLIC = 'https://baton.example.com';
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    s = await startTestServer({
      env: {
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
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
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
