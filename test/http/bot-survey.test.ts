/**
 * The satisfaction survey of conversations the bot handles alone, through the real server and
 * its timer loop on a test clock (SQLite and PostgreSQL): a sampled conversation is asked once
 * the customer went quiet after the bot's answer (or at once after a goodbye), in its language,
 * once; the rating lands in analytics' bot-only CSAT; a conversation outside the sample, one
 * handed over, and one waiting for a person are never asked by this survey. In a channel the
 * ratings are buttons and the typed number is the rating, not a question for the bot.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCsatSample } from '../../src/core/metrics/csat-sample.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { startSmtpRelay } from '../helpers/smtp-relay.ts';

const SAMPLE = 0.5;
const QUIET_SECONDS = 60;

describe.each(TEST_DATABASES)('bot-only satisfaction survey on $name', (database) => {
  let s: TestServer;
  let offsetMs = 0;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_CSAT_BOT_ONLY_SAMPLE: String(SAMPLE),
        BATON_CSAT_BOT_QUIET_SECONDS: String(QUIET_SECONDS),
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  const events = (id: string) => s.server.store.conversations.eventsSince(id, 0);
  const surveys = async (id: string) =>
    (await events(id)).filter((e) => e.data.kind === 'csat_request');
  const pendingKinds = async (id: string) =>
    (await s.server.store.timers.pendingFor(id)).map((t) => t.kind);
  const say = (c: { id: string; token: string }, text: string) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
  /** A new conversation in (or out of) the sample: the sample is a hash of the server's id. */
  async function conversation(sampled: boolean, body: Record<string, unknown> = {}) {
    for (;;) {
      const c = await startConversation(s.baseUrl, body);
      if (inCsatSample(c.id, SAMPLE) === sampled) return c;
    }
  }
  /** The customer asks, and the bot answers (counted by its messages). */
  async function askBot(c: { id: string; token: string }, text = 'How long does shipping take?') {
    const before = (await events(c.id)).filter((e) => e.actor.type === 'bot').length;
    await say(c, text);
    await until(async () =>
      (await events(c.id)).filter((e) => e.actor.type === 'bot').length > before ? true : undefined,
    );
  }
  const quietPeriodPasses = () => {
    offsetMs += (QUIET_SECONDS + 1) * 1000;
  };

  it.skipIf(database.skipReason)(
    'asks a sampled conversation once after the quiet period; the rating is bot-only CSAT',
    async () => {
      const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const c = await conversation(true, { language: 'es' });
      await askBot(c, '¿Cuánto tarda el envío?');
      expect(await pendingKinds(c.id)).toContain('bot_survey.due');
      expect(await surveys(c.id)).toEqual([]);
      quietPeriodPasses();
      const [survey] = await until(async () => {
        const found = await surveys(c.id);
        return found.length > 0 ? found : undefined;
      });
      // In the customer's language, from the same catalogue as the survey after a resolution.
      expect(survey?.data.text).toMatch(/^¿Qué tal lo hicimos\?/);
      expect((await s.server.store.conversations.get(c.id))?.status).toBe('bot');
      expect(await pendingKinds(c.id)).not.toContain('bot_survey.due');

      const rated = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/csat`, {
        token: c.token,
        body: { rating: 4 },
      });
      expect(rated.body).toEqual({ accepted: true });
      const r = await api(s.baseUrl, 'GET', '/api/v1/analytics', { token: supervisor });
      expect(r.body.metrics.csat.botOnly).toEqual({ count: 1, average: 4 });
      expect(r.body.metrics.csat.handedOver.count).toBe(0);

      // The customer comes back and the bot answers again: never a second survey.
      await askBot(c, '¿Y las devoluciones?');
      expect(await pendingKinds(c.id)).not.toContain('bot_survey.due');
      const sentinel = await conversation(true);
      await askBot(sentinel);
      quietPeriodPasses();
      await until(async () => ((await surveys(sentinel.id)).length > 0 ? true : undefined));
      expect(await surveys(c.id)).toHaveLength(1);
    },
  );

  it.skipIf(database.skipReason)(
    'asks at once when the customer says thanks and goodbye to the bot',
    async () => {
      const c = await conversation(true);
      await askBot(c);
      await askBot(c, 'thanks, bye!');
      // No clock moved: the goodbye itself closes the conversation for the survey.
      const [survey] = await until(async () => {
        const found = await surveys(c.id);
        return found.length > 0 ? found : undefined;
      });
      expect(survey?.data.text).toMatch(/^How did we do\?/);
    },
  );

  it.skipIf(database.skipReason)('never asks a conversation outside the sample', async () => {
    const out = await conversation(false);
    const sampled = await conversation(true);
    await askBot(out);
    await askBot(sampled);
    expect(await pendingKinds(out.id)).not.toContain('bot_survey.due');
    quietPeriodPasses();
    // The sampled one, asked in the same timer pass, shows the pass happened.
    await until(async () => ((await surveys(sampled.id)).length > 0 ? true : undefined));
    expect(await surveys(out.id)).toEqual([]);
  });

  it.skipIf(database.skipReason)(
    'never asks a conversation waiting for a person, nor one handed over and back with the bot',
    async () => {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const waiting = await conversation(true);
      await askBot(waiting);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${waiting.id}/messages`, {
        token: waiting.token,
        body: { action: 'request_human' },
      });
      const returned = await conversation(true);
      await askBot(returned);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${returned.id}/messages`, {
        token: returned.token,
        body: { action: 'request_human' },
      });
      expect(
        (
          await api(s.baseUrl, 'POST', `/api/v1/conversations/${returned.id}/claim`, {
            token: agent,
          })
        ).status,
      ).toBe(200);
      const back = await api(
        s.baseUrl,
        'POST',
        `/api/v1/conversations/${returned.id}/return-to-bot`,
        { token: agent, body: {} },
      );
      expect(back.status).toBe(200);
      await askBot(returned);
      expect((await s.server.store.conversations.get(returned.id))?.status).toBe('bot');
      for (const id of [waiting.id, returned.id])
        expect(await pendingKinds(id)).not.toContain('bot_survey.due');
      const sentinel = await conversation(true);
      await askBot(sentinel);
      quietPeriodPasses();
      await until(async () => ((await surveys(sentinel.id)).length > 0 ? true : undefined));
      expect(await surveys(waiting.id)).toEqual([]);
      expect(await surveys(returned.id)).toEqual([]);
    },
  );
});

describe('bot-only satisfaction survey in a channel (Telegram)', () => {
  const sent: Array<{ url: string; body: string }> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: sent.length } }));
    });
  });
  let s: TestServer;
  let offsetMs = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_CSAT_BOT_ONLY_SAMPLE: '1',
        BATON_CSAT_BOT_QUIET_SECONDS: String(QUIET_SECONDS),
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
        BATON_TELEGRAM_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
  });

  const chat = { id: 777, type: 'private' };
  const from = { id: 777, first_name: 'Ana', is_bot: false };
  const telegram = (messageId: number, text: string) =>
    fetch(`${s.baseUrl}/channels/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': 'tg-secret_1',
      },
      body: JSON.stringify({
        update_id: messageId,
        message: { message_id: messageId, date: 1, chat, from, text },
      }),
    });
  const sentTexts = () =>
    sent
      .filter((r) => r.url.endsWith('/sendMessage'))
      .map((r) => JSON.parse(r.body) as { text: string; reply_markup?: unknown });

  it('sends the ratings as buttons and takes the typed number as the rating', async () => {
    expect((await telegram(1, 'How long does shipping take?')).status).toBe(200);
    const c = await until(() => s.server.store.conversations.findOpenByThread('telegram', '777'));
    await until(async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).some(
        (e) => e.actor.type === 'bot' && e.data.decision !== undefined,
      )
        ? true
        : undefined,
    );
    offsetMs += (QUIET_SECONDS + 1) * 1000;
    const survey = await until(() =>
      sentTexts().find((b) => /rate this conversation/.test(b.text)),
    );
    expect(survey.text).toMatch(/Reply with the number/);
    expect(survey.reply_markup).toEqual({
      inline_keyboard: [1, 2, 3, 4, 5].map((n) => [
        { text: '★'.repeat(n), callback_data: String(n) },
      ]),
    });
    const botAnswers = async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).filter(
        (e) => e.actor.type === 'bot' && e.data.decision !== undefined,
      ).length;
    const answersBefore = await botAnswers();
    expect((await telegram(2, '5')).status).toBe(200);
    const rating = await until(async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).find(
        (e) => e.type === 'csat.submitted',
      ),
    );
    expect(rating.data).toEqual({ rating: 5, via: 'telegram' });
    await until(() => sentTexts().find((b) => /Thank you for your rating/.test(b.text)));
    // The number answered the survey, not the bot.
    expect(await botAnswers()).toBe(answersBefore);
    expect((await s.server.store.conversations.get(c.id))?.status).toBe('bot');
  });
});

describe('bot-only satisfaction survey by email', () => {
  const relay = startSmtpRelay();
  let s: TestServer;
  let client: Transporter;
  let offsetMs = 0;
  beforeAll(async () => {
    const relayUrl = await relay.listen();
    s = await startTestServer({
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_CSAT_BOT_ONLY_SAMPLE: '1',
        BATON_CSAT_BOT_QUIET_SECONDS: String(QUIET_SECONDS),
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: relayUrl,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: 'help@acme.test',
        BATON_SMTP_VERIFY_SENDER: 'false',
      },
    });
    client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: s.server.app.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    client?.close();
    await s?.close();
    await relay.close();
  });

  const mail = (messageId: string, body: string, inReplyTo?: string) =>
    client.sendMail({
      envelope: { from: 'noor@customer.test', to: ['help@acme.test'] },
      raw: [
        'From: Noor <noor@customer.test>',
        'To: help@acme.test',
        `Subject: ${inReplyTo ? 'Re: ' : ''}Shipping`,
        `Message-ID: ${messageId}`,
        ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: <noor-1@customer.test>`] : []),
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
      ].join('\r\n'),
    });
  const relayed = (pattern: RegExp) =>
    until(() => relay.received.find((r) => pattern.test(r.mail.text ?? '')));

  it('emails the survey once the customer went quiet; the number replied is the rating', async () => {
    await mail('<noor-1@customer.test>', 'How long does shipping take?');
    const c = await until(() =>
      s.server.store.conversations.findOpenByThread('email', '<noor-1@customer.test>'),
    );
    const botAnswers = async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).filter(
        (e) => e.actor.type === 'bot' && e.data.decision !== undefined,
      ).length;
    await until(async () => ((await botAnswers()) > 0 ? true : undefined));
    offsetMs += (QUIET_SECONDS + 1) * 1000;
    const survey = await relayed(/rate this conversation from 1/);
    expect(survey.to).toEqual(['noor@customer.test']);
    expect(survey.mail.text).toMatch(/Reply with the number/);
    const answersBefore = await botAnswers();
    await mail(
      '<noor-2@customer.test>',
      '5\r\n\r\nOn Sun, 22 Nov 2026 at 10:30, Acme Support <help@acme.test> wrote:\r\n> How did we do?',
      survey.mail.messageId,
    );
    const rating = await until(async () =>
      (await s.server.store.conversations.eventsSince(c.id, 0)).find(
        (e) => e.type === 'csat.submitted',
      ),
    );
    expect(rating.data).toEqual({ rating: 5, via: 'email' });
    await relayed(/Thank you for your rating/);
    // The number answered the survey, not the bot.
    expect(await botAnswers()).toBe(answersBefore);
    expect((await s.server.store.conversations.get(c.id))?.status).toBe('bot');
  });
});
