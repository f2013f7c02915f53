/**
 * The bot answers a customer in their language over the real API: a Spanish customer who
 * asks a knowledge-base question gets the Spanish article, over the WebSocket when the
 * widget said "es-MX", and over HTTP when only their words say Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { startChatStandIn } from '../helpers/chat-completions-stand-in.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SPANISH_SHIPPING_COSTS =
  'El envío estándar cuesta 4,95 € y es gratis en pedidos de más de 50 €.';
const isBotEvent = (f: any) => f.type === 'event' && f.event.data?.from === 'bot';

describe('bot answers in the customer language', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers a Spanish (es-MX) customer with the Spanish article over the WebSocket', async () => {
    const c = await startConversation(s.baseUrl, { language: 'es-MX' });
    const customer = await openSocket(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
      tokenProtocols(c.token),
    );
    try {
      customer.send({ type: 'message', text: '¿Cuánto cuesta el envío?', clientMessageId: 'q1' });
      const ack = await customer.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'q1');
      const reply = await customer.waitFor((f) => isBotEvent(f) && f.event.seq > ack.seq);
      expect(reply.event.data.article.id).toBe('shipping-costs');
      expect(reply.event.data.text).toContain(SPANISH_SHIPPING_COSTS);
      expect(reply.event.data.text).not.toContain('Standard shipping costs');
    } finally {
      await customer.close();
    }
  });

  it('answers in Spanish over HTTP when only the words are Spanish', async () => {
    const c = await startConversation(s.baseUrl);
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'Hola, ¿cuánto cuestan los gastos de envío a mi casa?' },
    });
    expect(r.status).toBe(201);
    const bot = (r.body.events as any[]).find((e) => e.data.from === 'bot');
    expect(bot.data.article.id).toBe('shipping-costs');
    expect(bot.data.text).toContain(SPANISH_SHIPPING_COSTS);
  });

  it('grounds an LLM in the Spanish articles and asks it to answer in Spanish', async () => {
    const llm = await startChatStandIn(() => ({ content: 'El envío cuesta 4,95 €.' }));
    const withLlm = await startTestServer({
      env: {
        BATON_BOT_ENGINE: 'llm',
        BATON_LLM_BASE_URL: llm.url,
        BATON_LLM_API_KEY: 'sk-test',
        BATON_LLM_MODEL: 'stand-in',
      },
    });
    try {
      const c = await startConversation(withLlm.baseUrl, { language: 'es' });
      await api(withLlm.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: '¿Cuánto cuesta el envío?' },
      });
      const system = llm.requests.at(-1)?.body.messages[0].content ?? '';
      expect(system).toContain(SPANISH_SHIPPING_COSTS);
      expect(system).toContain("Answer in the customer's language.");
      expect(system).not.toContain('Standard shipping costs');
    } finally {
      await withLlm.close();
      llm.close();
    }
  });
});
