/** The whole handoff loop over HTTP on a real socket, on every database engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('HTTP API on $name', (database) => {
  let s: TestServer;
  let url: string;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    url = s.baseUrl;
  });
  afterAll(async () => {
    await s?.close();
  });
  const send = (id: string, token: string, body: unknown) =>
    api(url, 'POST', `/api/v1/conversations/${id}/messages`, { token, body });

  it.skipIf(database.skipReason)(
    'greets as a bot, answers from the knowledge base, hands over on request',
    async () => {
      const c = await startConversation(url, { customer: { name: 'Sarah' } });
      const greeting = c.events.find((e: any) => e.type === 'message.created');
      expect(greeting.data.text).toMatch(/automated assistant/);
      expect(greeting.data.text).toMatch(/person/);

      const question = await send(c.id, c.token, { text: 'How long does shipping take?' });
      expect(question.status).toBe(201);
      const answer = question.body.events.find((e: any) => e.data.from === 'bot');
      expect(answer.data.text).toMatch(/business days/);
      expect(answer.data.article.title).toBeTruthy();

      const human = await send(c.id, c.token, { text: 'I want to talk to a human' });
      const types = human.body.events.map((e: any) => e.type);
      expect(types).toEqual(['message.created', 'conversation.handed_over', 'message.created']);
      expect(human.body.events[2].data.text).toMatch(/person|team/);
      // The customer's view carries no internal reasoning.
      expect(human.body.events[1].data).toEqual({ queue: 'general' });

      const agentToken = await login(url, s.demoAgent.email, s.demoAgent.password);
      const inbox = await api(url, 'GET', '/api/v1/inbox', { token: agentToken });
      const listed = inbox.body.conversations.find((x: any) => x.id === c.id);
      expect(listed.status).toBe('queued');
      expect(listed.handoff.reasons).toContain('explicit_request');
      const packet = (
        await api(url, 'GET', `/api/v1/conversations/${c.id}/packet`, { token: agentToken })
      ).body.packet;
      expect(packet.customer.name).toBe('Sarah');
      expect(packet.summary.goal).toContain('How long does shipping take?');
      expect(packet.summary.tried[0]).toMatch(/^answered with /);
      expect(packet.articlesShown).toHaveLength(1);
      expect(packet.transcript.map((t: any) => t.from)).toEqual([
        'bot',
        'customer',
        'bot',
        'customer',
      ]);
      expect(packet.recommendedActions).toContain(
        'Greet the customer by name and say what you already know',
      );
      const forCustomer = await api(url, 'GET', `/api/v1/conversations/${c.id}/packet`, {
        token: c.token,
      });
      expect(forCustomer.status).toBe(401);

      // While waiting, the bot stays silent.
      const waiting = await send(c.id, c.token, { text: 'hello? how long does shipping take?' });
      expect(waiting.body.events.map((e: any) => e.data.from)).toEqual(['customer']);

      const claim = await api(url, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: agentToken,
      });
      expect(claim.status).toBe(200);
      expect(claim.body.conversation.status).toBe('assigned');
      expect(claim.body.events[1].data.text).toMatch(/Alex .*joined/);

      // A supervisor sees it taken; to Sam, it left his scope with Alex: it does not exist
      // for him, to claim or to write to.
      const supervisor = await login(url, 'riley@example.com', s.demoAgent.password);
      const second = await api(url, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: supervisor,
      });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('ALREADY_CLAIMED');
      const other = await login(url, 'sam@example.com', s.demoAgent.password);
      const late = await api(url, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: other });
      expect([late.status, late.body.error.code]).toEqual([404, 'CONVERSATION_NOT_FOUND']);
      const intruder = await send(c.id, other, { text: 'hi from Sam' });
      expect(intruder.body.error.code).toBe('CONVERSATION_NOT_FOUND');

      const reply = await send(c.id, agentToken, { text: 'Hi Sarah, Alex here.' });
      expect(reply.status).toBe(201);
      const after = await send(c.id, c.token, { text: 'thanks! where is my order?' });
      expect(after.body.events.map((e: any) => e.data.from)).toEqual(['customer']);

      const events = await api(url, 'GET', `/api/v1/conversations/${c.id}/events?since=0`, {
        token: c.token,
      });
      const texts = events.body.events
        .filter((e: any) => e.type === 'message.created')
        .map((e: any) => e.data.from);
      expect(texts).toEqual([
        'bot',
        'customer',
        'bot',
        'customer',
        'bot',
        'customer',
        'system',
        'agent',
        'customer',
      ]);
      expect(events.body.events.map((e: any) => e.seq)).toEqual(
        Array.from({ length: events.body.events.length }, (_, i) => i + 1),
      );

      const resolved = await api(url, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
        token: agentToken,
      });
      expect(resolved.body.conversation.status).toBe('resolved');
      const closed = await send(c.id, c.token, { text: 'one more thing' });
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('CONVERSATION_CLOSED');
    },
  );

  it.skipIf(database.skipReason)('hands over at once on the button', async () => {
    const c = await startConversation(url);
    const r = await send(c.id, c.token, { action: 'request_human' });
    expect(r.body.events.map((e: any) => e.type)).toContain('conversation.handed_over');
  });

  it.skipIf(database.skipReason)('stores a retried client message once', async () => {
    const c = await startConversation(url);
    const first = await send(c.id, c.token, {
      text: 'What payment methods do you take?',
      clientMessageId: 'm-1',
    });
    const again = await send(c.id, c.token, {
      text: 'What payment methods do you take?',
      clientMessageId: 'm-1',
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.events[0].seq).toBe(first.body.events[0].seq);
    const all = await api(url, 'GET', `/api/v1/conversations/${c.id}/events`, { token: c.token });
    expect(all.body.events.filter((e: any) => e.data.clientMessageId === 'm-1')).toHaveLength(1);
    // The same id for another message is a client bug: refused in words, not dropped silently.
    const reused = await send(c.id, c.token, {
      text: 'And do you ship to Norway?',
      clientMessageId: 'm-1',
    });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'CLIENT_MESSAGE_ID_REUSED']);
    const after = await api(url, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    expect(JSON.stringify(after.body.events)).not.toContain('Norway');
  });

  it.skipIf(database.skipReason)('refuses bad input with a code and stores nothing', async () => {
    const c = await startConversation(url);
    const tooLong = await send(c.id, c.token, { text: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.error.code).toBe('MESSAGE_TOO_LARGE');
    const atLimit = await send(c.id, c.token, { text: 'é'.repeat(4000) });
    expect(atLimit.status).toBe(201);

    const malformed = await api(url, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      rawBody: '{"text": "unterminated',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');

    const unknownField = await send(c.id, c.token, { text: 'hi', html: '<b>' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe('VALIDATION_FAILED');

    const empty = await send(c.id, c.token, {});
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');

    const events = await api(url, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    const customerTexts = events.body.events.filter((e: any) => e.data.from === 'customer');
    expect(customerTexts).toHaveLength(1);

    const unknown = await api(url, 'GET', '/api/v1/conversations/c_nope/events', {
      token: c.token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it.skipIf(database.skipReason)(
    'checks tokens: 401 without, 403 with another conversation’s',
    async () => {
      const a = await startConversation(url);
      const b = await startConversation(url);
      const none = await api(url, 'GET', `/api/v1/conversations/${a.id}/events`);
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHENTICATED');
      const wrong = await api(url, 'GET', `/api/v1/conversations/${a.id}/events`, {
        token: b.token,
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('FORBIDDEN');
      const customerAsAgent = await api(url, 'GET', '/api/v1/inbox', { token: a.token });
      expect(customerAsAgent.status).toBe(401);
      const claimAsCustomer = await api(url, 'POST', `/api/v1/conversations/${a.id}/claim`, {
        token: a.token,
      });
      expect(claimAsCustomer.status).toBe(401);
      const badLogin = await api(url, 'POST', '/api/v1/auth/login', {
        body: { email: s.demoAgent.email, password: 'wrong-password' },
      });
      expect(badLogin.status).toBe(401);
      expect(badLogin.body.error.code).toBe('INVALID_CREDENTIALS');
    },
  );

  it.skipIf(database.skipReason)('logs out: the session token stops working', async () => {
    const token = await login(url, s.demoAgent.email, s.demoAgent.password);
    expect((await api(url, 'GET', '/api/v1/me', { token })).body.agent.email).toBe(
      s.demoAgent.email,
    );
    expect((await api(url, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api(url, 'GET', '/api/v1/me', { token })).status).toBe(401);
  });

  it.skipIf(database.skipReason)(
    'keeps customer text exactly as written (the clients render it as text)',
    async () => {
      const c = await startConversation(url);
      const html = '<img src=x onerror="alert(1)"> & <b>bold</b>';
      const r = await send(c.id, c.token, { text: html });
      expect(r.body.events[0].data.text).toBe(html);
    },
  );

  it.skipIf(database.skipReason)(
    'serves health, OpenAPI and error bodies for unknown routes',
    async () => {
      expect((await api(url, 'GET', '/healthz')).body).toEqual({
        status: 'ok',
        database: database.name,
        ...(database.name === 'postgres'
          ? {
              dependencies: [
                { name: 'postgres-session-notices', status: 'up', since: expect.any(String) },
                { name: 'postgres-notify', status: 'up', since: expect.any(String) },
              ],
            }
          : {}),
      });
      const doc = await api(url, 'GET', '/api/v1/openapi.json');
      expect(doc.body.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/conversations',
          '/api/v1/conversations/{id}/messages',
          '/api/v1/inbox',
        ]),
      );
      const missing = await api(url, 'GET', '/api/v1/nothing-here');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('NOT_FOUND');
    },
  );
});
