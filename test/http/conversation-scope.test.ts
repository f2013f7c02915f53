/**
 * An agent opens only the conversations of their scope (src/app/conversations/
 * conversation-scope.ts): offered or assigned to them, taken part in, or waiting in a queue
 * they are a member of. Any other id answers 404 CONVERSATION_NOT_FOUND like an unknown one,
 * over every read route and the inbox socket; supervisors see everything. On both engines.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical, Riley supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('conversation scope ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  let riley: string;
  let billing: string;
  let technical: string;
  const status = async (token: string, path: string, method = 'GET', body?: unknown) =>
    (await api(s.baseUrl, method, path, { token, ...(body ? { body } : {}) })).status;

  /** A conversation handed over to `queue` (checked), waiting there. */
  async function handedOver(queue: string, text: string): Promise<string> {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text },
    });
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, { token: riley });
    expect(read.body.conversation.queue).toBe(queue);
    return c.id;
  }

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    const password = s.demoAgent.password;
    alex = await login(s.baseUrl, 'alex@example.com', password);
    sam = await login(s.baseUrl, 'sam@example.com', password);
    riley = await login(s.baseUrl, 'riley@example.com', password);
    billing = await handedOver('billing', 'I want to talk to a human about a refund on my invoice');
    technical = await handedOver(
      'technical',
      'I want to talk to a human, the app crashes with an error when I log in',
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'answers an agent of another queue 404 on every read, as for an unknown id',
    async () => {
      const reads = (id: string) => [
        `/api/v1/conversations/${id}`,
        `/api/v1/conversations/${id}/events?since=0`,
        `/api/v1/conversations/${id}/packet`,
        `/api/v1/conversations/${id}/contact`,
        `/api/v1/conversations/${id}/media/m1`,
      ];
      for (const path of reads(billing))
        expect([path, await status(sam, path)]).toEqual([path, 404]);
      for (const path of reads(technical))
        expect([path, await status(alex, path)]).toEqual([path, 404]);
      const outOfScope = await api(s.baseUrl, 'GET', `/api/v1/conversations/${billing}`, {
        token: sam,
      });
      const unknown = await api(s.baseUrl, 'GET', '/api/v1/conversations/c_nobody', {
        token: sam,
      });
      expect(outOfScope.body.error.code).toBe('CONVERSATION_NOT_FOUND');
      expect(unknown.body.error.code).toBe('CONVERSATION_NOT_FOUND');
      expect(
        await status(sam, `/api/v1/conversations/${billing}/repeat-check`, 'POST', { text: 'hi' }),
      ).toBe(404);

      // The members of each queue, and the supervisor, read them.
      for (const path of reads(billing).slice(0, 4)) expect(await status(alex, path)).toBe(200);
      for (const path of reads(technical).slice(0, 4)) expect(await status(sam, path)).toBe(200);
      for (const id of [billing, technical])
        expect(await status(riley, `/api/v1/conversations/${id}`)).toBe(200);

      // A conversation still with the bot waits in no queue: supervisors only.
      const withBot = await startConversation(s.baseUrl, { customer: { name: 'Lee' } });
      expect(await status(alex, `/api/v1/conversations/${withBot.id}`)).toBe(404);
      expect(await status(riley, `/api/v1/conversations/${withBot.id}`)).toBe(200);
    },
  );

  it.skipIf(database.skipReason)(
    'lists in the inbox and the history only what the agent may open',
    async () => {
      const ids = async (token: string, path: string) =>
        ((await api(s.baseUrl, 'GET', path, { token })).body.conversations as { id: string }[]).map(
          (c) => c.id,
        );
      for (const path of ['/api/v1/inbox', '/api/v1/conversations?view=active']) {
        expect(await ids(alex, path)).toContain(billing);
        expect(await ids(alex, path)).not.toContain(technical);
        expect(await ids(sam, path)).toContain(technical);
        expect(await ids(sam, path)).not.toContain(billing);
        expect(await ids(riley, path)).toEqual(expect.arrayContaining([billing, technical]));
      }
    },
  );

  it.skipIf(database.skipReason)(
    'scopes the inbox socket: subscriptions and announcements; what one took part in stays open',
    async () => {
      const stream = (token: string) =>
        openSocket(`${s.wsUrl}/api/v1/agent/stream`, ['baton', `baton.token.${token}`]);
      let alexSocket: TestSocket | undefined;
      let samSocket: TestSocket | undefined;
      try {
        alexSocket = await stream(alex);
        samSocket = await stream(sam);
        samSocket.send({ type: 'subscribe', conversationId: billing, since: 0 });
        const refused = await samSocket.waitFor((f) => f.type === 'error');
        expect(refused.error.code).toBe('CONVERSATION_NOT_FOUND');
        alexSocket.send({ type: 'subscribe', conversationId: billing, since: 0 });
        await alexSocket.waitFor((f) => f.type === 'event' && f.event.conversationId === billing);

        // A new billing conversation is announced to Alex; Sam hears only his technical one.
        const second = await handedOver('billing', 'I want a human, I was charged twice');
        await alexSocket.waitFor((f) => f.type === 'conversation' && f.conversation.id === second);
        const third = await handedOver('technical', 'I want a human, the app crashes again');
        await samSocket.waitFor((f) => f.type === 'conversation' && f.conversation.id === third);
        const heardBySam = samSocket.frames.filter((f) => f.type === 'conversation');
        expect(heardBySam.map((f) => f.conversation.id)).not.toContain(second);
        expect(heardBySam.map((f) => f.conversation.id)).not.toContain(billing);
        expect(samSocket.frames.filter((f) => f.type === 'event')).toEqual([]);

        // Alex takes the billing conversation, replies and moves it to technical: it leaves his
        // inbox, but he took part, so he can still open it; Sam's queue now holds it.
        expect(await status(alex, `/api/v1/conversations/${billing}/claim`, 'POST', {})).toBe(200);
        expect(
          await status(alex, `/api/v1/conversations/${billing}/messages`, 'POST', {
            text: 'Let me pass you to our technical team.',
          }),
        ).toBe(201);
        expect(
          await status(alex, `/api/v1/conversations/${billing}/transfer`, 'POST', {
            queue: 'technical',
          }),
        ).toBe(200);
        await alexSocket.waitFor(
          (f) => f.type === 'conversation_removed' && f.conversationId === billing,
        );
        // He follows it (subscribed) and took part: his pane hears where it went first.
        const last = alexSocket.frames.filter(
          (f) => f.type === 'conversation' && f.conversation.id === billing,
        );
        expect(last.at(-1).conversation.queue).toBe('technical');
        await samSocket.waitFor((f) => f.type === 'conversation' && f.conversation.id === billing);
        expect(await status(alex, `/api/v1/conversations/${billing}`)).toBe(200);
        await until(async () =>
          (await status(sam, `/api/v1/conversations/${billing}`)) === 200 ? true : undefined,
        );
      } finally {
        await alexSocket?.close();
        await samSocket?.close();
      }
    },
  );
});
