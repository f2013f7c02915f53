/**
 * Providers deliver a webhook more than once, sometimes at the same moment to different
 * nodes, and again after the conversation ended. Ten copies of one signed Telegram update
 * fired at once (half at node A, half at node B on PostgreSQL; all at the one node on
 * SQLite) make one conversation, one stored message and one answer sent; the same update
 * redelivered after the conversation was resolved is not stored again.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const SECRET = 'tg-secret_1';

/** The Telegram Bot API stand-in: records every sendMessage. */
async function startTelegram(): Promise<{ server: Server; base: string; sent: any[] }> {
  const sent: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url?.endsWith('/sendMessage')) sent.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: sent.length } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}

const telegramEnv = (base: string) => ({
  BATON_TELEGRAM_BOT_TOKEN: '123:abc',
  BATON_TELEGRAM_SECRET_TOKEN: SECRET,
  BATON_TELEGRAM_API_BASE_URL: base,
  BATON_TIMER_INTERVAL_MS: '50',
});

const update = (chatId: number, messageId: number, text: string) => ({
  update_id: messageId,
  message: {
    message_id: messageId,
    date: 1,
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, first_name: 'Ana', is_bot: false },
    text,
  },
});

/** Fires `copies` copies at once, spread over the nodes; every one is acknowledged. */
async function fire(nodes: readonly TestServer[], body: unknown, copies: number) {
  const responses = await Promise.all(
    Array.from({ length: copies }, (_, i) =>
      fetch(`${nodes[i % nodes.length]!.baseUrl}/channels/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(body),
      }),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(Array(copies).fill(200));
}

function scenario(nodes: () => readonly TestServer[], sent: () => any[]) {
  return async () => {
    const [a] = nodes();
    const store = a!.server.store;
    const chatId = 7000 + Math.floor(Math.random() * 1000);
    const thread = String(chatId);
    const inThread = () =>
      store.db
        .selectFrom('conversations')
        .selectAll()
        .where('channel', '=', 'telegram')
        .where('external_thread', '=', thread)
        .orderBy('created_at')
        .execute();
    const eventsOf = async () => {
      const ids = (await inThread()).map((c) => c.id);
      return ids.length === 0
        ? []
        : store.db.selectFrom('events').selectAll().where('conversation_id', 'in', ids).execute();
    };
    const customerCopies = async (messageId: number) =>
      (await eventsOf()).filter(
        (e) => JSON.parse(e.data).providerMessageId === `${chatId}:${messageId}`,
      ).length;
    const outbound = async () =>
      (await eventsOf()).filter(
        (e) =>
          e.type === 'message.created' &&
          ['bot', 'agent', 'system'].includes(JSON.parse(e.data).from),
      ).length;
    const sentHere = () => sent().filter((m) => m.chat_id === chatId);
    // Every outbound message of the thread sent, and nothing more.
    const settled = () =>
      until(async () => {
        const stored = await outbound();
        return stored > 0 && sentHere().length === stored ? stored : undefined;
      });

    await fire(nodes(), update(chatId, 501, 'What payment methods do you accept?'), 10);
    await until(() => sentHere().find((m) => /Klarna/.test(m.text)));
    await settled();
    const [conversation, ...others] = await inThread();
    expect(others).toEqual([]);
    expect(await customerCopies(501)).toBe(1);
    expect(sentHere().filter((m) => /Klarna/.test(m.text))).toHaveLength(1);
    const texts = sentHere().map((m) => m.text);
    expect(new Set(texts).size).toBe(texts.length);

    // A supervisor: still with the bot, the conversation is in no agent's scope.
    const token = await login(a!.baseUrl, 'riley@example.com', a!.demoAgent.password);
    const resolved = await api(
      a!.baseUrl,
      'POST',
      `/api/v1/conversations/${conversation!.id}/resolve`,
      {
        token,
        body: {},
      },
    );
    expect(resolved.status).toBe(200);
    // The provider tries the first message again, on every node.
    await fire(nodes(), update(chatId, 501, 'What payment methods do you accept?'), 4);
    // Handled before the acknowledgement: no conversation was opened for it, nothing stored.
    expect((await inThread()).map((c) => c.status)).toEqual(['resolved']);
    expect(await customerCopies(501)).toBe(1);
    // A new message afterwards does start a new conversation: the test can tell.
    await fire(nodes(), update(chatId, 502, 'How long does shipping take?'), 1);
    await until(async () => ((await inThread()).length === 2 ? true : undefined));
    await settled();
    expect(await customerCopies(501)).toBe(1);
    expect(await customerCopies(502)).toBe(1);
    expect((await inThread()).length).toBe(2);
  };
}

describe('duplicate webhooks on SQLite, one node', () => {
  let telegram: Awaited<ReturnType<typeof startTelegram>>;
  let s: TestServer;
  beforeAll(async () => {
    telegram = await startTelegram();
    s = await startTestServer({ env: telegramEnv(telegram.base) });
  });
  afterAll(async () => {
    await s?.close();
    telegram?.server.close();
  });
  it(
    'stores and answers ten concurrent copies once, and a redelivery after resolve not at all',
    scenario(
      () => [s],
      () => telegram.sent,
    ),
  );
});

describe.skipIf(postgres?.skipReason ?? REDIS_SKIP_REASON)(
  'duplicate webhooks on PostgreSQL, two nodes',
  () => {
    let telegram: Awaited<ReturnType<typeof startTelegram>>;
    let db: OpenedTestStore;
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      telegram = await startTelegram();
      db = await postgres!.open();
      const env = {
        ...telegramEnv(telegram.base),
        REDIS_URL,
        BATON_REDIS_PREFIX: `baton-test-${randomBytes(4).toString('hex')}`,
      };
      const database = { url: db.url, ...(db.schema ? { schema: db.schema } : {}) };
      a = await startTestServer({ database, env });
      b = await startTestServer({ database, env });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await db?.cleanup();
      telegram?.server.close();
    });
    it(
      'stores and answers ten concurrent copies (five per node) once, and a redelivery after resolve not at all',
      scenario(
        () => [a, b],
        () => telegram.sent,
      ),
    );
  },
);
