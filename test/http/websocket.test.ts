/** Realtime over real sockets: authorisation at the upgrade, live delivery, resume by seq. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, refusedStatus, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const isEvent = (pred: (e: any) => boolean) => (f: any) => f.type === 'event' && pred(f.event);

describe.each(TEST_DATABASES)('WebSocket on $name', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)('refuses the upgrade without a valid token', async () => {
    const a = await startConversation(s.baseUrl);
    const b = await startConversation(s.baseUrl);
    const stream = `${s.wsUrl}/api/v1/conversations/${a.id}/stream`;
    expect(await refusedStatus(stream)).toBe(401);
    expect(await refusedStatus(`${stream}`, tokenProtocols(b.token))).toBe(403);
    expect(
      await refusedStatus(`${s.wsUrl}/api/v1/conversations/c_nope/stream`, tokenProtocols(a.token)),
    ).toBe(404);
    expect(await refusedStatus(`${s.wsUrl}/api/v1/agent/stream`)).toBe(401);
    expect(await refusedStatus(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(a.token))).toBe(
      401,
    );
  });

  it.skipIf(database.skipReason)(
    'carries the whole loop live between customer and agent sockets',
    async () => {
      const agentToken = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const agent = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(agentToken));
      const c = await startConversation(s.baseUrl, { customer: { name: 'Sarah' } });
      const customer = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
        tokenProtocols(c.token),
      );
      await customer.waitFor(isEvent((e) => e.seq === 2 && e.data.from === 'bot'));

      customer.send({
        type: 'message',
        text: 'Which payment methods can I use?',
        clientMessageId: 'q1',
      });
      const ack = await customer.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'q1');
      expect(ack.seq).toBe(3);
      await customer.waitFor(isEvent((e) => e.seq === 4 && e.data.from === 'bot'));

      customer.send({ type: 'action', action: 'request_human', clientMessageId: 'h1' });
      const announced = await agent.waitFor(
        (f) => f.type === 'conversation' && f.conversation.id === c.id,
      );
      expect(announced.conversation.status).toBe('queued');
      await customer.waitFor(isEvent((e) => e.type === 'conversation.handed_over'));

      agent.send({ type: 'subscribe', conversationId: c.id, since: 0 });
      const handoff = await agent.waitFor(isEvent((e) => e.type === 'conversation.handed_over'));
      expect(handoff.event.data.reasons).toContain('explicit_request');

      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: agentToken,
      });
      expect(claim.status).toBe(200);
      await customer.waitFor(isEvent((e) => e.type === 'conversation.assigned'));

      agent.send({
        type: 'message',
        conversationId: c.id,
        text: 'Hi Sarah, this is Alex.',
        clientMessageId: 'r1',
      });
      const reply = await customer.waitFor(isEvent((e) => e.data.from === 'agent'));
      expect(reply.event.data.text).toBe('Hi Sarah, this is Alex.');
      expect(reply.event.actor).toEqual({ type: 'agent', name: 'Alex' });

      customer.send({ type: 'message', text: 'Great, thanks', clientMessageId: 'q2' });
      const seen = await agent.waitFor(isEvent((e) => e.data.clientMessageId === 'q2'));
      expect(seen.event.data.text).toBe('Great, thanks');

      // Each socket saw every seq exactly once, in order.
      for (const socket of [customer, agent]) {
        const seqs = socket.frames.filter((f) => f.type === 'event').map((f) => f.event.seq);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      }
      await customer.close();
      await agent.close();
    },
  );

  it.skipIf(database.skipReason)(
    'resumes a reconnecting client from its last seq with nothing lost or repeated',
    async () => {
      const c = await startConversation(s.baseUrl);
      const first = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
        tokenProtocols(c.token),
      );
      first.send({ type: 'message', text: 'How do I reset my password?', clientMessageId: 'a' });
      await first.waitFor(isEvent((e) => e.seq === 4));
      const lastSeen = Math.max(
        ...first.frames.filter((f) => f.type === 'event').map((f) => f.event.seq),
      );
      await first.close();

      // While disconnected, more happens.
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'And what are your opening hours?' },
      });
      const second = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=${lastSeen}`,
        tokenProtocols(c.token),
      );
      await second.waitFor(isEvent((e) => e.seq === 6));
      second.send({ type: 'message', text: 'Thanks!', clientMessageId: 'b' });
      await second.waitFor(isEvent((e) => e.seq === 8));
      const seqs = second.frames.filter((f) => f.type === 'event').map((f) => f.event.seq);
      expect(seqs).toEqual([5, 6, 7, 8]);
      await second.close();
    },
  );

  it.skipIf(database.skipReason)(
    'answers bad frames with an error frame and keeps the socket open',
    async () => {
      const c = await startConversation(s.baseUrl);
      const socket = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
        tokenProtocols(c.token),
      );
      socket.send('not json' as unknown as object);
      socket.ws.send('{oops');
      const malformed = await socket.waitFor(
        (f) => f.type === 'error' && f.error.code === 'MALFORMED_JSON',
      );
      expect(malformed.error.message).toBeTruthy();
      socket.send({ type: 'message', text: 'x'.repeat(4001), clientMessageId: 'big' });
      const big = await socket.waitFor((f) => f.type === 'error' && f.clientMessageId === 'big');
      expect(big.error.code).toBe('MESSAGE_TOO_LARGE');
      socket.send({ type: 'shout' });
      await socket.waitFor((f) => f.type === 'error' && f.error.code === 'VALIDATION_FAILED');
      socket.send({ type: 'message', text: 'still here?', clientMessageId: 'ok' });
      await socket.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'ok');
      const stored = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      expect(stored.body.events.some((e: any) => e.data.clientMessageId === 'big')).toBe(false);
      await socket.close();
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a client message id reused for other text with an error frame, storing nothing',
    async () => {
      const c = await startConversation(s.baseUrl);
      const socket = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
        tokenProtocols(c.token),
      );
      socket.send({ type: 'message', text: 'Where is my parcel?', clientMessageId: 'r-1' });
      await socket.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'r-1');
      // A retry of the same message is acknowledged again; other text under its id is a
      // client bug, answered in words rather than dropped as a duplicate.
      socket.send({ type: 'message', text: 'Where is my parcel?', clientMessageId: 'r-1' });
      await until(() => socket.frames.filter((f) => f.type === 'ack').length === 2 || undefined);
      socket.send({ type: 'message', text: 'Do you ship to Norway?', clientMessageId: 'r-1' });
      const refused = await socket.waitFor(
        (f) => f.type === 'error' && f.clientMessageId === 'r-1',
      );
      expect(refused.error.code).toBe('CLIENT_MESSAGE_ID_REUSED');
      const stored = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      expect(JSON.stringify(stored.body.events)).not.toContain('Norway');
      const mine = stored.body.events.filter((e: any) => e.data.clientMessageId === 'r-1');
      expect(mine).toHaveLength(1);
      await socket.close();
    },
  );
});
