/**
 * A supervisor's private note in a colleague's conversation, through the real server on both
 * engines: the note (`POST …/notes`) reaches the assigned agent's socket live, marked as a
 * supervisor's, while the customer's socket and transcript get an empty `internal` event and
 * never its text; an agent's own note carries no such mark; and an agent who tries the
 * supervisor reassign is refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('supervisor note to the agent ($name)', (database) => {
  let s: TestServer;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const token = (email: string) => login(s.baseUrl, email, s.demoAgent.password);
  const post = (t: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token: t, body });
  const open = async (url: string, protocols?: string[]) => {
    const socket = await openSocket(url, protocols);
    sockets.push(socket);
    return socket;
  };
  const isNote = (frame: any) => frame.type === 'event' && frame.event.type === 'note.created';

  it.skipIf(database.skipReason)(
    "reaches Alex live marked as the supervisor's, and never the customer",
    async () => {
      const alex = await token('alex@example.com');
      const riley = await token('riley@example.com');
      const c = await startConversation(s.baseUrl, { customer: { name: 'Yara' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'I want to talk to a human' },
      });
      await until(async () =>
        (await s.server.store.conversations.get(c.id))?.status === 'queued' ? true : undefined,
      );
      expect((await post(alex, `/api/v1/conversations/${c.id}/claim`)).status).toBe(200);

      const alexSocket = await open(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alex));
      alexSocket.send({ type: 'subscribe', conversationId: c.id, since: 0 });
      const customer = await open(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
        tokenProtocols(c.token),
      );

      const secret = 'Offer the refund, the order is ours to fix';
      const noted = await post(riley, `/api/v1/conversations/${c.id}/notes`, { text: secret });
      expect(noted.status).toBe(200);
      expect(noted.body.events[0].data).toEqual({
        text: secret,
        agentName: 'Riley',
        authorRole: 'supervisor',
      });

      // Live on Alex's socket, with its author and role.
      const heard = await alexSocket.waitFor(isNote);
      expect(heard.event.data).toMatchObject({ text: secret, authorRole: 'supervisor' });
      expect(heard.event.actor).toMatchObject({ type: 'agent', name: 'Riley' });

      // The customer's socket gets the seq as an empty internal event, and nothing else of it.
      const internal = await customer.waitFor(
        (f) => f.type === 'event' && f.event.seq === heard.event.seq,
      );
      expect(internal.event).toMatchObject({ type: 'internal', data: {} });
      expect(JSON.stringify(customer.frames)).not.toContain(secret);
      const transcript = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      expect(transcript.status).toBe(200);
      expect(JSON.stringify(transcript.body)).not.toContain(secret);
      expect(JSON.stringify(transcript.body)).not.toContain('supervisor');

      // Alex's own note is a plain internal note.
      const own = await post(alex, `/api/v1/conversations/${c.id}/notes`, { text: 'on it' });
      expect(own.body.events[0].data).toEqual({ text: 'on it', agentName: 'Alex' });

      // The supervisor reassign is not an agent's: refused, and the conversation stays put.
      const held = await s.server.store.conversations.get(c.id);
      const before = await s.server.store.conversations.eventsSince(c.id, 0);
      const refused = await post(alex, `/api/v1/supervisor/conversations/${c.id}/reassign`, {
        queue: 'technical',
        reason: 'not mine',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const after = await s.server.store.conversations.get(c.id);
      expect(after).toMatchObject({
        status: 'assigned',
        queue: held?.queue,
        assigneeId: held?.assigneeId,
      });
      expect((await s.server.store.conversations.eventsSince(c.id, 0)).length).toBe(before.length);
    },
  );
});
