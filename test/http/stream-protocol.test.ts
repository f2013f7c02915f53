/**
 * The streams take their token in the WebSocket sub-protocol offer (`baton`,
 * `baton.token.<token>`), as the widget and the inbox send it, so no token is in a URL: the
 * server answers `baton` (never the token), the right token gets the stream, a wrong one or
 * another conversation's gets no socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, RefusedUpgrade } from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const offer = (token: string) => ['baton', `baton.token.${token}`];

describe.each(TEST_DATABASES)('stream tokens in the sub-protocol ($name)', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'opens both streams with the token in the offer and answers with `baton` alone',
    async () => {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const c = await startConversation(s.baseUrl, { customer: { name: 'Ann' } });
      const customer = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
        offer(c.token),
      );
      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, offer(agent));
      expect(customer.ws.protocol).toBe('baton');
      expect(inbox.ws.protocol).toBe('baton');

      // The customer's stream works: a message sent on it is stored and acknowledged.
      customer.send({ type: 'message', text: 'hello', clientMessageId: 'p1' });
      expect(await customer.waitFor((f) => f.type === 'ack')).toMatchObject({
        clientMessageId: 'p1',
      });
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      expect(events.body.events.some((e: any) => e.data?.text === 'hello')).toBe(true);
      await customer.close();
      await inbox.close();
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a wrong token, and another conversation’s, before the upgrade',
    async () => {
      const mine = await startConversation(s.baseUrl);
      const theirs = await startConversation(s.baseUrl);
      const refusal = (url: string, token: string) =>
        openSocket(url, offer(token)).then(
          () => 0,
          (error: unknown) => (error instanceof RefusedUpgrade ? error.statusCode : -1),
        );
      expect(await refusal(`${s.wsUrl}/api/v1/agent/stream`, 'not-a-session')).toBe(401);
      expect(await refusal(`${s.wsUrl}/api/v1/conversations/${theirs.id}/stream`, mine.token)).toBe(
        403,
      );
    },
  );
});
