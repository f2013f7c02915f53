/**
 * The customer's language from their own words: a conversation without a language hint takes
 * the one its customer writes in, and the waiting messages speak it; a hint from the widget,
 * API or channel is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('customer language ($name)', (db) => {
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    if (db.skipReason) return;
    s = await startTestServer({ engine: db.name });
    // A supervisor reads any conversation, with the bot or in any queue.
    agent = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function say(body: Record<string, unknown>, text: string) {
    const c = await startConversation(s.baseUrl, body);
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    const view = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, { token: agent });
    const handoffText = r.body.events.find((e: any) => e.data.kind === 'handoff')?.data.text;
    return { language: view.body.conversation.language, handoffText };
  }

  it.skipIf(db.skipReason)('takes Spanish from a Spanish request and answers in it', async () => {
    const { language, handoffText } = await say({}, 'Quiero hablar con una persona, por favor');
    expect(language).toBe('es');
    expect(handoffText).toMatch(/persona|cola|equipo/);
    expect(handoffText).not.toMatch(/ the /);
    // The team by its Spanish name, in "usted" (the default general queue is "Support" in English).
    expect(handoffText).toMatch(/Soporte/);
    expect(handoffText).not.toMatch(/Support/);
  });

  it.skipIf(db.skipReason)('keeps a language the integrator gave', async () => {
    const { language, handoffText } = await say({ language: 'de' }, 'I want to talk to a human');
    expect(language).toBe('de');
    expect(handoffText).toMatch(/Warteschlange|Team|Person|Mensch/);
  });

  it.skipIf(db.skipReason)('decides nothing from too few words', async () => {
    const { language } = await say({}, 'hola');
    expect(language).toBeNull();
  });
});
