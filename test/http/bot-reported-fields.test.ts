/**
 * The fields a bot collects reach the agent's handoff packet, through the running server on
 * both engines: an external bot (Standard Webhooks, the example bot from examples/) reports the
 * order id it looked up on a reply and more fields with its handoff request; the packet's
 * fields and the summary's "collected" take the bot's values over the number guessed from the
 * customer's words, and a bot that reports nothing leaves the guess from the text. Intake (the
 * policy's questions before a handoff) does not ask for an order number the bot reported.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleBot } from '../../examples/external-bot/bot.mjs';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'whsec_' + Buffer.from('baton-fields-secret-0123456789').toString('base64');
// The default policy, with intake before sensitive-topic handoffs (order id, then email).
const POLICY = readFileSync('policies/default.yaml', 'utf8').replace(
  /( {2}- id: sensitive-topic[\s\S]*?)collect: \[order_id, account_id, amount\]/,
  '$1action: intake\n    collect: [order_id, email]',
);

describe.each(TEST_DATABASES)('fields reported by the bot on $name', (database) => {
  /** What the bot answers to the customer's next message. */
  let answer: (payload: any) => unknown = () => ({ messages: [{ text: 'ok' }] });
  const bot = createExampleBot({ secret: SECRET, answer: (payload: any) => answer(payload) });
  let s: TestServer;
  let agent: string;

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => bot.listen(0, '127.0.0.1', () => r()));
    expect(POLICY).toContain('action: intake');
    const policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-fields-')), 'p.yaml');
    writeFileSync(policyFile, POLICY);
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_POLICY_FILE: policyFile,
        BATON_BOT_ENGINE: 'external',
        BATON_EXTERNAL_BOT_URL: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/`,
        BATON_EXTERNAL_BOT_SECRET: SECRET,
        BATON_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    bot.close();
  });

  async function say(c: { id: string; token: string }, text: string): Promise<any[]> {
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    expect(r.status).toBe(201);
    return r.body.events as any[];
  }

  async function packet(id: string): Promise<any> {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, { token: agent });
    expect(r.status).toBe(200);
    return r.body.packet;
  }

  it.skipIf(database.skipReason !== null)(
    "puts the bot's order id and fields in the packet, over the number in the customer's words",
    async () => {
      const c = await startConversation(s.baseUrl);
      // The customer's words hold a number the text extraction takes for the order id.
      answer = () => ({
        messages: [{ text: 'Found it: order NW-88731, posted on Monday.' }],
        confidence: 0.9,
        fields: { order_id: 'NW-88731', tracking_number: 'JD014600' },
      });
      await say(c, 'My order 55512 has not arrived');
      answer = () => ({
        messages: [],
        handoff: { reason: 'topic_policy', note: 'a lost parcel is for people' },
        fields: { carrier: 'DHL', refund_amount: { value: 42.5, currency: 'EUR' }, junk: [1] },
      });
      const events = await say(c, 'It says delivered but nothing is here');
      expect(events.map((e) => e.type)).toContain('conversation.handed_over');

      const p = await packet(c.id);
      const expected = {
        order_id: 'NW-88731',
        tracking_number: 'JD014600',
        carrier: 'DHL',
        refund_amount: { value: 42.5, currency: 'EUR' },
      };
      expect(p.fields).toEqual(expected);
      expect(p.summary.collected).toEqual(expected);
      expect(p.summary.text).toContain('NW-88731');
    },
  );

  it.skipIf(database.skipReason !== null)(
    'keeps the order id found in the words when the bot reports no fields',
    async () => {
      const c = await startConversation(s.baseUrl);
      answer = () => ({ messages: [{ text: 'Let me check.' }], confidence: 0.9 });
      await say(c, 'My order 55512 has not arrived');
      answer = () => ({ messages: [], handoff: { reason: 'topic_policy' } });
      await say(c, 'It says delivered but nothing is here');
      const p = await packet(c.id);
      expect(p.fields).toEqual({ order_id: '55512' });
      expect(p.summary.collected).toEqual({ order_id: '55512' });
    },
  );

  it.skipIf(database.skipReason !== null)(
    'does not ask for the order number the bot reported, and hands over with it',
    async () => {
      const c = await startConversation(s.baseUrl);
      answer = () => ({
        messages: [{ text: 'Your parcel is order NW-40012, due last week.' }],
        confidence: 0.9,
        fields: { order_id: 'NW-40012' },
      });
      await say(c, 'Where is my parcel?');
      const asked = await say(c, 'I want a refund, it is far too late now');
      expect(asked.map((e) => e.type)).toContain('conversation.intake_started');
      expect(asked.at(-1).data.text).toMatch(/email address/);
      expect(asked.at(-1).data.text).not.toMatch(/order number/);
      const handed = await say(c, 'skip');
      expect(handed.map((e) => e.type)).toContain('conversation.handed_over');
      expect((await packet(c.id)).fields.order_id).toBe('NW-40012');
    },
  );
});
