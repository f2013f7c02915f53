/**
 * `inbox.agentsSee: all` (BATON_AGENTS_SEE): an agent may also read every conversation handed
 * over to a person, in any queue, through every read route and the history; never one only
 * the bot has had; and writes keep to their own queues. On both engines.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical, Riley supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('agents see all handed-over conversations ($name)', (database) => {
  let s: TestServer;
  let sam: string;
  let riley: string;
  const status = async (token: string, path: string, method = 'GET', body?: unknown) =>
    (await api(s.baseUrl, method, path, { token, ...(body ? { body } : {}) })).status;

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name, env: { BATON_AGENTS_SEE: 'all' } });
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'lets an agent read a billing conversation, not act on it, and never a bot-only one',
    async () => {
      const handed = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${handed.id}/messages`, {
        token: handed.token,
        body: { text: 'I want to talk to a human about a refund on my invoice' },
      });
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${handed.id}`, {
        token: riley,
      });
      expect(read.body.conversation.queue).toBe('billing');
      const withBot = await startConversation(s.baseUrl, { customer: { name: 'Lou' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${withBot.id}/messages`, {
        token: withBot.token,
        body: { text: 'How long does shipping take?' },
      });

      const reads = (id: string) => [
        `/api/v1/conversations/${id}`,
        `/api/v1/conversations/${id}/events?since=0`,
        `/api/v1/conversations/${id}/packet`,
        `/api/v1/conversations/${id}/contact`,
      ];
      // Sam serves no billing queue, and reads it all the same.
      for (const path of reads(handed.id))
        expect([path, await status(sam, path)]).toEqual([path, 200]);
      // The bot phase stays closed: the packet path aside (no packet yet), each is a 404.
      for (const path of reads(withBot.id).filter((p) => !p.endsWith('/packet')))
        expect([path, await status(sam, path)]).toEqual([path, 404]);
      const history = await api(s.baseUrl, 'GET', '/api/v1/conversations?view=all&limit=100', {
        token: sam,
      });
      const ids = (history.body.conversations as { id: string }[]).map((c) => c.id);
      expect(ids).toContain(handed.id);
      expect(ids).not.toContain(withBot.id);

      // Reading is not acting: every write answers as out of scope, and nothing changes.
      const writes: [string, unknown][] = [
        [`/api/v1/conversations/${handed.id}/claim`, {}],
        [`/api/v1/conversations/${handed.id}/decline`, {}],
        [`/api/v1/conversations/${handed.id}/resolve`, { resolved: true }],
        [`/api/v1/conversations/${handed.id}/transfer`, { queue: 'general', note: 'mine now' }],
        [`/api/v1/conversations/${handed.id}/return-to-bot`, {}],
        [`/api/v1/conversations/${handed.id}/notes`, { text: 'seen it' }],
        [`/api/v1/conversations/${handed.id}/template`, { name: 'order_update', language: 'en' }],
      ];
      for (const [path, body] of writes)
        expect([path, await status(sam, path, 'POST', body)]).toEqual([path, 404]);
      // A reply needs the conversation to be one's own.
      const reply = await api(s.baseUrl, 'POST', `/api/v1/conversations/${handed.id}/messages`, {
        token: sam,
        body: { text: 'Hello from elsewhere' },
      });
      expect([reply.status, reply.body.error.code]).toEqual([403, 'NOT_ASSIGNEE']);
      const after = await api(s.baseUrl, 'GET', `/api/v1/conversations/${handed.id}`, {
        token: riley,
      });
      expect(after.body.conversation.status).toBe(read.body.conversation.status);
      expect(after.body.conversation.lastSeq).toBe(read.body.conversation.lastSeq);
    },
  );
});
