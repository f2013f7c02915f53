/**
 * Every language Baton speaks, through the running server: the greeting is in the
 * conversation's language and names the way to a person there (the widget's button as the
 * widget labels it; elsewhere a word), the word it names hands the conversation over, and the
 * handoff text that follows is in the same language (European Portuguese its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCatalog } from '../../src/app/routing/queue-catalog.ts';
import { customerText, CUSTOMER_LANGUAGES } from '../../src/core/i18n/customer-text.ts';
import { WIDGET_CATALOGUES } from '../../src/core/i18n/widget-catalogues.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { isGreeting, wordOf } from '../helpers/greeting-text.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('the customer’s language, end to end', () => {
  let s: TestServer;
  let agent = '';
  let inbox: TestSocket;
  beforeAll(async () => {
    s = await startTestServer();
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    // An agent with the inbox open, so the handoff names a place in the queue and a wait.
    inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(agent));
  });
  afterAll(async () => {
    await inbox?.close();
    await s?.close();
  });

  const greetingOf = (events: Array<{ data: Record<string, unknown> }>) =>
    String(events.find((e) => e.data.kind === 'greeting')?.data.text);

  it.each(CUSTOMER_LANGUAGES)(
    '%s: the web greeting names the widget’s own button',
    async (lang) => {
      const c = await startConversation(s.baseUrl, { language: lang });
      const greeting = greetingOf(c.events);
      expect(greeting).toContain(WIDGET_CATALOGUES[lang].talkToHuman);
      const button = WIDGET_CATALOGUES[lang].talkToHuman;
      expect(isGreeting(greeting, 'greeting_web', lang, { button, word: '' }), greeting).toBe(true);
    },
  );

  it.each(CUSTOMER_LANGUAGES)(
    '%s: the greeting’s word hands over, and the handoff is said in the language',
    async (lang) => {
      const c = await startConversation(s.baseUrl, { language: lang, channel: 'api' });
      const word = wordOf(greetingOf(c.events));
      expect(word).toBe(customerText('reach_word', lang, {}));
      const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: word },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const handoff = r.body.events.find((e: any) => e.data.kind === 'handoff');
      expect(handoff, `${lang}: "${word}" did not hand over`).toBeDefined();
      const view = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, { token: agent });
      const { queue, status } = view.body.conversation;
      expect(['queued', 'offered']).toContain(status);
      // The place in the queue and the wait band it was told, in its language, then "you will
      // not need to repeat yourself".
      const team = queueCatalog().teamName(queue, lang);
      // The band is in the stored event (the customer's view of it carries the text only).
      const stored = (await s.server.store.conversations.eventsSince(c.id, 0)).find(
        (e) => e.data.kind === 'handoff',
      );
      if (stored?.type !== 'message.created') throw new Error(`${lang}: no handoff stored`);
      const { position, band } = stored.data;
      if (position === undefined)
        throw new Error(`no place in line was told: ${handoff.data.text}`);
      if (!band) throw new Error(`no wait band was told: ${handoff.data.text}`);
      const params = { team, position, low: band.lowMinutes, high: band.highMinutes };
      const told = (['waiting', 'waiting_short', 'long_queue'] as const).map(
        (key) => `${customerText(key, lang, params)} ${customerText('context_kept', lang, {})}`,
      );
      expect(
        told.some((t) => handoff.data.text.startsWith(t)),
        handoff.data.text,
      ).toBe(true);
    },
  );

  it('speaks European Portuguese to pt-PT and Brazilian to pt-BR at the handoff', async () => {
    const said: Record<string, string> = {};
    for (const lang of ['pt-PT', 'pt-BR']) {
      const c = await startConversation(s.baseUrl, { language: lang, channel: 'api' });
      const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'Quero falar com um operador, por favor' },
      });
      said[lang] = r.body.events.find((e: any) => e.data.kind === 'handoff').data.text;
    }
    expect(said['pt-PT']).toMatch(/equipa|não precisa de repetir|Verão tudo o que falámos/);
    expect(said['pt-PT']).not.toMatch(/(?<!\p{L})(você|equipe)(?!\p{L})/u);
    expect(said['pt-BR']).toMatch(/você/);
    expect(said['pt-PT']).not.toBe(said['pt-BR']);
  });
});
