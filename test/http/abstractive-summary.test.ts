/**
 * With an LLM configured, the handoff packet gains an abstractive summary beside the
 * extractive facts — after the handoff, never delaying it — and a slow or failing model
 * leaves the extractive summary alone. Against a local OpenAI-compatible stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startChatStandIn } from '../helpers/chat-completions-stand-in.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SUMMARY =
  'Customer wants a refund for order 12345, which arrived broken; the bot showed the returns article; they asked for a person.';

type Mode = 'answer' | 'slow' | 'error';

async function standIn() {
  let mode: Mode = 'answer';
  const server = await startChatStandIn(() =>
    mode === 'error' ? { status: 500 } : { content: SUMMARY, delayMs: mode === 'slow' ? 1500 : 0 },
  );
  return {
    url: server.url,
    requests: server.requests,
    close: () => server.close(),
    setMode: (next: Mode) => {
      mode = next;
    },
  };
}

async function handOver(s: TestServer) {
  const c = await startConversation(s.baseUrl, { customer: { name: 'Sarah' } });
  const say = (text: string) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
  await say('My order 12345 arrived broken');
  const r = await say('I want to talk to a human please');
  return { c, events: r.body.events as any[] };
}

describe.each(TEST_DATABASES)('abstractive handoff summary ($name)', (db) => {
  let llm: Awaited<ReturnType<typeof standIn>>;
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    if (db.skipReason) return;
    llm = await standIn();
    s = await startTestServer({
      engine: db.name,
      env: {
        BATON_LLM_BASE_URL: llm.url,
        BATON_LLM_MODEL: 'stand-in',
        BATON_LLM_TIMEOUT_MS: '300',
      },
    });
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    llm?.close();
  });
  const packetOf = async (id: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, { token: agent })).body
      .packet;

  it.skipIf(db.skipReason)('adds the model’s summary beside the extractive facts', async () => {
    const { c, events } = await handOver(s);
    // The handoff itself does not wait for the model.
    expect(events.map((e) => e.type)).toContain('conversation.handed_over');
    const packet = await until(async () => {
      const p = await packetOf(c.id);
      return p?.summary?.abstractive ? p : undefined;
    });
    expect(packet.summary.abstractive).toMatchObject({ text: SUMMARY, model: 'stand-in' });
    expect(packet.summary.goal).toBeTruthy();
    expect(packet.summary.text).not.toBe(SUMMARY);

    // The model saw the transcript and the extractive facts.
    const sent = llm.requests.at(-1) ?? expect.fail('the model got no request');
    const prompt = sent.body.messages.map((m: any) => m.content).join('\n');
    expect(prompt).toMatch(/order 12345 arrived broken/);
    expect(prompt).toMatch(/handoff reasons: explicit_request/);

    // Recorded in the log for agents; the customer keeps the seq but not the text.
    const agentLog = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: agent,
    });
    const summarized = agentLog.body.events.find((e: any) => e.type === 'handoff.summarized');
    expect(summarized.data.text).toBe(SUMMARY);
    const customerLog = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    const seen = customerLog.body.events.find((e: any) => e.seq === summarized.seq);
    expect(JSON.stringify(seen.data)).not.toMatch(/refund/);
  });

  it.skipIf(db.skipReason)(
    'leaves the extractive summary alone when the model is slow or fails',
    async () => {
      for (const mode of ['slow', 'error'] as const) {
        llm.setMode(mode);
        const before = llm.requests.length;
        const { c, events } = await handOver(s);
        expect(events.map((e) => e.type)).toContain('conversation.handed_over');
        await until(() => (llm.requests.length > before ? true : undefined));
        // Past the 300 ms timeout (slow answers after 1.5 s), the packet is unchanged.
        await new Promise((r) => setTimeout(r, 2000));
        const packet = await packetOf(c.id);
        expect(packet.summary.abstractive).toBeUndefined();
        expect(packet.summary.goal).toBeTruthy();
      }
      llm.setMode('answer');
    },
  );
});

describe('abstractive summaries switched off', () => {
  it('never calls the model for summaries with BATON_LLM_SUMMARIES=false', async () => {
    const llm = await standIn();
    const s = await startTestServer({
      env: {
        BATON_LLM_BASE_URL: llm.url,
        BATON_LLM_MODEL: 'stand-in',
        BATON_LLM_SUMMARIES: 'false',
      },
    });
    try {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const { c } = await handOver(s);
      const packet = (
        await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/packet`, { token: agent })
      ).body.packet;
      expect(packet.summary.goal).toBeTruthy();
      await new Promise((r) => setTimeout(r, 300));
      expect(llm.requests).toHaveLength(0);
    } finally {
      await s.close();
      llm.close();
    }
  });
});
