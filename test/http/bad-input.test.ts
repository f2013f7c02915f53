/**
 * Bad input is the client's fault, so it is a 4xx with a registry code, never a 5xx: bodies
 * nested thousands deep, path traversal on the static routes, and (fast-check) random bodies
 * on every public route and on the signed channel webhooks. /metrics is closed without a
 * configured token.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { leaf } from '../helpers/fuzz-values.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const META_SECRET = 'meta-app-secret';
const TELEGRAM_SECRET = 'tg-secret_1';
// Outbound calls (bot replies on a channel) fail fast against a closed port.
const NOWHERE = 'http://127.0.0.1:9';
const RUNS = 200;

describe.each(TEST_DATABASES)('bad input ($name)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_RATE_LIMIT_PER_MINUTE: '100000',
        // The fuzz must reach the message path, not stop at the conversation's message rate.
        BATON_CONVERSATION_MESSAGES: '100000',
        BATON_WHATSAPP_APP_SECRET: META_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-access',
        BATON_WHATSAPP_API_BASE_URL: NOWHERE,
        BATON_MESSENGER_APP_SECRET: META_SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'verify-me',
        BATON_MESSENGER_PAGE_ACCESS_TOKEN: 'page-access',
        BATON_MESSENGER_API_BASE_URL: NOWHERE,
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: TELEGRAM_SECRET,
        BATON_TELEGRAM_API_BASE_URL: NOWHERE,
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function send(path: string, raw: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${s.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });
    const text = await response.text();
    return { status: response.status, text };
  }

  /** A 4xx carries `{error:{code,message}}`; anything below 500 passes the fuzz. */
  function expectClientError(r: { status: number; text: string }, what: string) {
    expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
    if (r.status >= 400) expect(JSON.parse(r.text).error.code, what).toMatch(/^[A-Z_]+$/);
  }

  it.skipIf(database.skipReason)(
    'stores text with a NUL or a lone surrogate, which PostgreSQL cannot hold as it is, without a 5xx',
    async () => {
      const texts = ['a\u0000b', 'a\ud800b', 'x\udc00', '\u0000\ud83d', 'kept \\ud800 as typed'];
      // PostgreSQL may store one as U+FFFD (src/store/postgres-text.ts); SQLite keeps them.
      const storable = (t: string) =>
        t
          .replaceAll('\u0000', '\ufffd')
          .replace(
            /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
            '\ufffd',
          );
      const started = await api(s.baseUrl, 'POST', '/api/v1/conversations', {
        body: { customer: { name: 'K\u0000m\ud800', email: 'k\u0000@example.net' } },
      });
      expect(started.status).toBe(201);
      const { id } = started.body.conversation;
      const token = started.body.token as string;
      for (const text of texts) {
        const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/messages`, {
          token,
          body: { text },
        });
        expect(r.status, JSON.stringify(text)).toBe(201);
      }
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, {
        token,
      });
      const stored = (events.body.events as Array<{ type: string; data: Record<string, unknown> }>)
        .filter((e) => e.type === 'message.created' && e.data.from === 'customer')
        .map((e) => storable(String(e.data.text)));
      expect(stored).toEqual(texts.map(storable));
      const login = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'sam\u0000@example.com', password: 'x\ud800' },
      });
      expect(login.status).toBe(401);
      expect(login.body.error.code).toBe('INVALID_CREDENTIALS');
    },
  );

  it.skipIf(database.skipReason)(
    'refuses bodies nested 5,000 deep with a 400 and a code',
    async () => {
      const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const deepArray = '['.repeat(5000) + ']'.repeat(5000);
      const customer = await startConversation(s.baseUrl);
      for (const [path, raw] of [
        ['/api/v1/conversations', `{"customer":${deepObject}}`],
        ['/api/v1/conversations', deepArray],
        ['/api/v1/auth/login', deepObject],
        [`/api/v1/conversations/${customer.id}/messages`, `{"text":"hi","metadata":${deepObject}}`],
      ] as const) {
        const r = await send(path, raw, { authorization: `Bearer ${customer.token}` });
        expect(r.status, path).toBe(400);
        expect(JSON.parse(r.text).error.code).toBe('MALFORMED_JSON');
      }
      // A signed webhook body as deep is not parsed: 400 MALFORMED_PAYLOAD, as any body the
      // channel cannot read.
      const telegram = await send('/channels/telegram/webhook', deepObject, {
        'x-telegram-bot-api-secret-token': TELEGRAM_SECRET,
      });
      expect([telegram.status, JSON.parse(telegram.text).error.code]).toEqual([
        400,
        'MALFORMED_PAYLOAD',
      ]);
      // Shallow nesting is fine.
      const ok = await send('/api/v1/conversations', '{"customer":{"name":"Ann"}}');
      expect(ok.status).toBe(201);
    },
  );

  it.skipIf(database.skipReason)(
    'answers path traversal on static routes with 404 or 400, and serves no file outside',
    async () => {
      for (const path of [
        '/inbox/..%2f..',
        '/inbox/..%2f..%2fpackage.json',
        '/..%2f..%2fpackage.json',
        '/inbox/%2e%2e/%2e%2e/package.json',
        '/widget/..%5c..%5cpackage.json',
        '/%2e%2e%2f',
        '/inbox/%00',
        '/inbox/%E0%A4%A',
        '/dashboard/..%2f..%2f..%2fetc%2fpasswd',
      ]) {
        const response = await fetch(`${s.baseUrl}${path}`);
        const text = await response.text();
        expect([400, 404], `${path}: ${text.slice(0, 120)}`).toContain(response.status);
        expect(JSON.parse(text).error.code).toMatch(/^(NOT_FOUND|VALIDATION_FAILED)$/);
        expect(text).not.toContain('"devDependencies"');
      }
    },
  );

  it.skipIf(database.skipReason)('keeps /metrics closed without a configured token', async () => {
    const r = await fetch(`${s.baseUrl}/metrics`);
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  const json = fc.jsonValue({ maxDepth: 4 });
  /** Random JSON, random text, and objects shaped like the route's body with random values. */
  const bodies = (shape: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      json.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc.record(shape, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );

  it.skipIf(database.skipReason)(
    `fuzzes the public routes: ${RUNS} bodies each, no 5xx`,
    async () => {
      const customer = await startConversation(s.baseUrl);
      const routes: Array<[string, Record<string, fc.Arbitrary<unknown>>]> = [
        [
          '/api/v1/conversations',
          {
            customer: fc.dictionary(fc.string({ maxLength: 8 }), leaf),
            language: leaf,
            metadata: json,
          },
        ],
        [
          `/api/v1/conversations/${customer.id}/messages`,
          {
            text: leaf,
            action: fc.oneof(leaf, fc.constant('request_human')),
            clientMessageId: leaf,
          },
        ],
        [`/api/v1/conversations/${customer.id}/csat`, { rating: leaf, comment: leaf }],
      ];
      for (const [path, shape] of routes) {
        await fc.assert(
          fc.asyncProperty(bodies(shape), async (raw) => {
            expectClientError(
              await send(path, raw, { authorization: `Bearer ${customer.token}` }),
              `${path} ${raw.slice(0, 80)}`,
            );
          }),
          { numRuns: RUNS },
        );
      }
    },
    120_000,
  );

  it.skipIf(database.skipReason)(
    `fuzzes the signed channel webhooks: ${RUNS} payloads each, no 5xx`,
    async () => {
      const meta = (object: string) => ({
        object: fc.oneof(fc.constant(object), leaf),
        entry: fc.oneof(
          leaf,
          fc.array(
            fc.record(
              {
                id: leaf,
                time: leaf,
                changes: fc.array(fc.record({ field: leaf, value: json }), { maxLength: 2 }),
                messaging: fc.array(json, { maxLength: 2 }),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
        ),
      });
      const sign = (raw: string) => ({
        'x-hub-signature-256': `sha256=${createHmac('sha256', META_SECRET).update(raw).digest('hex')}`,
      });
      const hooks: Array<[string, fc.Arbitrary<string>, (raw: string) => Record<string, string>]> =
        [
          ['whatsapp', bodies(meta('whatsapp_business_account')), sign],
          ['messenger', bodies(meta('page')), sign],
          [
            'telegram',
            bodies({ update_id: leaf, message: json, edited_message: json, callback_query: json }),
            () => ({ 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }),
          ],
        ];
      for (const [channel, arbitrary, headers] of hooks) {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (raw) => {
            const path = `/channels/${channel}/webhook`;
            expectClientError(
              await send(path, raw, headers(raw)),
              `${channel} ${raw.slice(0, 80)}`,
            );
          }),
          { numRuns: RUNS },
        );
      }
    },
    120_000,
  );
});
