/** Agent actions beyond replying: transfer, return to bot, notes, ask the bot, repeat guard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('agent workflow', () => {
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    s = await startTestServer();
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function claimedConversation(text: string) {
    const c = await startConversation(s.baseUrl, {
      customer: { name: 'Sarah', email: 'sarah.j@example.com' },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: agent,
    });
    expect(claim.status).toBe(200);
    return c;
  }
  const post = (path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token: agent, body });

  it('transfers to another queue with a note; the customer is told, the note stays internal', async () => {
    const c = await claimedConversation('I want to talk to a human about my invoice');
    const note = await post(`/api/v1/conversations/${c.id}/notes`, { text: 'VIP, be gentle' });
    expect(note.status).toBe(200);
    const moved = await post(`/api/v1/conversations/${c.id}/transfer`, {
      queue: 'technical',
      note: 'app crash',
    });
    expect(moved.body.conversation).toMatchObject({
      status: 'queued',
      queue: 'technical',
      assignee: null,
    });
    const transferred = moved.body.events.find((e: any) => e.type === 'conversation.transferred');
    expect(transferred.data).toMatchObject({ toQueue: 'technical', note: 'app crash' });

    const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    const texts = JSON.stringify(seen.body.events);
    expect(texts).not.toContain('VIP, be gentle');
    expect(texts).not.toContain('app crash');
    expect(seen.body.events.some((e: any) => e.type === 'internal')).toBe(true);
    expect(seen.body.events.at(-1).data.text).toMatch(/our Technical support team/);
    const bad = await post(`/api/v1/conversations/${c.id}/transfer`, { queue: 'billing' });
    expect(bad.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('returns to the bot on purpose; the bot answers again without a new greeting', async () => {
    const c = await claimedConversation('talk to a human please');
    const back = await post(`/api/v1/conversations/${c.id}/return-to-bot`);
    expect(back.body.conversation.status).toBe('bot');
    expect(back.body.events.at(-1).data.text).toMatch(
      /handed you back to me, the automated assistant/,
    );
    const answer = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'What payment methods do you accept?' },
    });
    const bot = answer.body.events.find((e: any) => e.data.from === 'bot');
    expect(bot.data.text).not.toMatch(/^Hi! I'm/);
    expect(bot.data.article).toBeDefined();
  });

  it('records the resolve outcome for the improvement list', async () => {
    const c = await claimedConversation('agent please');
    const done = await post(`/api/v1/conversations/${c.id}/resolve`, {
      resolved: true,
      botCouldHaveHandled: true,
    });
    const resolved = done.body.events.find((e: any) => e.type === 'conversation.resolved');
    expect(resolved.data).toMatchObject({ resolved: true, botCouldHaveHandled: true });
  });

  it('lets agents ask the bot, and nobody else', async () => {
    const r = await api(s.baseUrl, 'GET', '/api/v1/kb/search?q=return%20a%20parcel', {
      token: agent,
    });
    expect(r.status).toBe(200);
    expect(r.body.hits.length).toBeGreaterThan(0);
    expect(r.body.hits[0]).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    const c = await startConversation(s.baseUrl);
    expect((await api(s.baseUrl, 'GET', '/api/v1/kb/search?q=x', { token: c.token })).status).toBe(
      401,
    );
  });

  it('warns when a draft asks for what the packet holds, and records the override', async () => {
    const c = await claimedConversation(
      'I need a person, my order 55031 never arrived, email sarah.j@example.com',
    );
    const check = await post(`/api/v1/conversations/${c.id}/repeat-check`, {
      text: 'Could you give me your order number?',
    });
    expect(check.body.warnings).toEqual([
      expect.objectContaining({ field: 'order_id', known: '55031' }),
    ]);
    const sent = await post(`/api/v1/conversations/${c.id}/messages`, {
      text: 'Could you confirm your order number?',
      repeatGuard: { fields: ['order_id'], overridden: true },
    });
    expect(sent.body.events[0].data.repeatGuard).toEqual({
      fields: ['order_id'],
      overridden: true,
    });
    const asCustomer = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'hi', repeatGuard: { fields: [], overridden: false } },
    });
    expect(asCustomer.status).toBe(400);
  });
});
