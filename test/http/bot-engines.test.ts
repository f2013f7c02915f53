/**
 * The bots behind Baton, each against a real local server: an OpenAI-compatible stand-in
 * driven by the official `openai` client, and the example external bot from examples/.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleBot } from '../../examples/external-bot/bot.mjs';
import { api, startConversation } from '../helpers/api-client.ts';
import { startChatStandIn, type ChatStandIn } from '../helpers/chat-completions-stand-in.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'whsec_' + Buffer.from('baton-test-secret-0123456789').toString('base64');

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

async function ask(s: TestServer, text: string) {
  const c = await startConversation(s.baseUrl);
  const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
    token: c.token,
    body: { text },
  });
  return r.body.events as any[];
}

describe('LLM bot (OpenAI-compatible)', () => {
  let mode: 'answer' | 'no_answer' | 'slow' = 'answer';
  let llm: ChatStandIn;
  beforeAll(async () => {
    llm = await startChatStandIn(() => ({
      content: mode === 'no_answer' ? 'NO_ANSWER' : 'Standard shipping takes 3–5 business days.',
      delayMs: mode === 'slow' ? 1500 : 0,
    }));
  });
  let s: TestServer;
  afterAll(async () => {
    await s?.close();
    llm?.close();
  });

  it('answers grounded in the articles, and lets the answer engine speak when they hold nothing', async () => {
    s = await startTestServer({
      env: {
        BATON_BOT_ENGINE: 'llm',
        BATON_LLM_BASE_URL: llm.url,
        BATON_LLM_API_KEY: 'sk-test',
        BATON_LLM_MODEL: 'stand-in',
      },
    });
    const answered = await ask(s, 'How long does shipping take?');
    const bot = answered.find((e) => e.data.from === 'bot');
    expect(bot.data.text).toBe('Standard shipping takes 3–5 business days.');
    const sent = llm.requests.at(-1) ?? expect.fail('the model got no request');
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer sk-test');
    expect(sent.body.model).toBe('stand-in');
    expect(sent.body.messages[0].role).toBe('system');
    expect(sent.body.messages[0].content).toMatch(/automated assistant \(a bot, not a person\)/);
    expect(sent.body.messages[0].content).toMatch(/business days/);
    expect(sent.body.messages.at(-1)).toEqual({
      role: 'user',
      content: 'How long does shipping take?',
    });

    mode = 'no_answer';
    const unknown = await ask(s, 'Do you sell pizza?');
    expect(unknown.find((e) => e.data.from === 'bot').data.text).toMatch(/automated assistant/);
  });

  it('falls back to the answer engine when the model is slower than the timeout', async () => {
    const fast = await startTestServer({
      env: {
        BATON_BOT_ENGINE: 'llm',
        BATON_LLM_BASE_URL: llm.url,
        BATON_LLM_MODEL: 'stand-in',
        BATON_LLM_TIMEOUT_MS: '300',
      },
    });
    try {
      mode = 'slow';
      const events = await ask(fast, 'How long does shipping take?');
      const bot = events.find((e) => e.data.from === 'bot');
      expect(bot.data.text).toMatch(/business days/);
      expect(bot.data.text).not.toBe('Standard shipping takes 3–5 business days.');
    } finally {
      await fast.close();
    }
  }, 20_000);
});

describe('external bot (Standard Webhooks)', () => {
  let answer: (payload: any) => unknown = () => ({
    messages: [{ text: 'hello from the bot' }],
    confidence: 0.9,
  });
  const seen: any[] = [];
  const bot = createExampleBot({
    secret: SECRET,
    answer: (payload: any) => {
      seen.push(payload);
      return answer(payload);
    },
  });
  let s: TestServer;
  afterAll(async () => {
    await s?.close();
    bot.close();
  });

  it('sends signed messages, relays answers, honours handoff requests, and never goes silent', async () => {
    const url = await listen(bot);
    s = await startTestServer({
      env: {
        BATON_BOT_ENGINE: 'external',
        BATON_EXTERNAL_BOT_URL: url,
        BATON_EXTERNAL_BOT_SECRET: SECRET,
        BATON_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    const hello = await ask(s, 'hi there');
    expect(hello.find((e) => e.data.from === 'bot').data).toMatchObject({
      text: 'hello from the bot',
    });
    expect(seen.at(-1)).toMatchObject({ type: 'message.created', message: { text: 'hi there' } });
    expect(seen.at(-1).conversation.id).toMatch(/^c_/);

    answer = () => ({
      messages: [],
      handoff: { reason: 'topic_policy', note: 'refunds are for people' },
    });
    const handed = await ask(s, 'I would like my money back');
    const over = handed.find((e) => e.type === 'conversation.handed_over');
    expect(over).toBeDefined();

    answer = () => ({ nonsense: true });
    const garbage = await ask(s, 'anything');
    expect(garbage.some((e) => e.type === 'conversation.handed_over')).toBe(true);

    // The explicit request never reaches the bot: the policy hands over first.
    const before = seen.length;
    await ask(s, 'I want to talk to a human');
    expect(seen.length).toBe(before);
  });

  it('hands over with bot_error when the bot is unreachable', async () => {
    const down = await startTestServer({
      env: {
        BATON_BOT_ENGINE: 'external',
        BATON_EXTERNAL_BOT_URL: 'http://127.0.0.1:9/',
        BATON_EXTERNAL_BOT_SECRET: SECRET,
      },
    });
    try {
      const events = await ask(down, 'hello?');
      expect(events.map((e) => e.type)).toContain('conversation.handed_over');
      const agentView = await down.server.store.conversations.get(events[0].conversationId);
      expect(agentView?.handoff?.reasons).toEqual(['bot_error']);
    } finally {
      await down.close();
    }
  });

  it('refuses a misconfigured external bot at start, saying what is missing', async () => {
    await expect(startTestServer({ env: { BATON_BOT_ENGINE: 'external' } })).rejects.toThrow(
      /bot\.external/,
    );
  });
});

describe('LLM judge beside the policy', () => {
  let verdict: unknown = {
    handoff: true,
    reason: 'complaint_escalation',
    confidence: 0.93,
    why: 'customer is stuck',
  };
  let delayMs = 0;
  let judge: ChatStandIn;
  beforeAll(async () => {
    judge = await startChatStandIn(() => ({ content: JSON.stringify(verdict), delayMs }));
  });
  let s: TestServer;
  afterAll(async () => {
    await s?.close();
    judge?.close();
  });

  it('adds a handoff when confident, and lets the local policy decide when slow or unsure', async () => {
    s = await startTestServer({
      env: {
        BATON_JUDGE_BASE_URL: judge.url,
        BATON_JUDGE_MODEL: 'judge',
        BATON_JUDGE_TIMEOUT_MS: '300',
      },
    });
    const handed = await ask(s, 'How long does shipping take?');
    expect(handed.map((e) => e.type)).toContain('conversation.handed_over');
    const record = await s.server.store.conversations.get(handed[0].conversationId);
    // An unknown reason from the judge is recorded as out_of_scope, with its words as evidence.
    expect(record?.handoff?.reasons).toEqual(['out_of_scope']);

    verdict = { handoff: true, reason: 'negative_sentiment', confidence: 0.5, why: 'maybe' };
    const unsure = await ask(s, 'How long does shipping take?');
    expect(unsure.map((e) => e.type)).not.toContain('conversation.handed_over');

    verdict = { handoff: true, reason: 'negative_sentiment', confidence: 0.99, why: 'late' };
    delayMs = 1000;
    const slow = await ask(s, 'How long does shipping take?');
    expect(slow.map((e) => e.type)).not.toContain('conversation.handed_over');
    expect(slow.find((e) => e.data.from === 'bot').data.text).toMatch(/business days/);
  });
});
