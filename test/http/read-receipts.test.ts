/**
 * Read receipts over the real sockets (docs/api.md, "Read receipts"): a `read` frame on the
 * customer's stream marks the agents' messages seen, one on the inbox socket the customer's.
 * Each is stored as `message.read { upToSeq, by }` on the last message of the other side at or
 * before the seq given, relayed to the other side's stream and read back after a reload; a
 * marker never goes back, never passes the last seq, and the same marker twice stores nothing.
 * An agent marks only conversations of their scope; a customer socket only its own. Emoji
 * round-trip as text. On both engines.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('read receipts ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  const sockets: TestSocket[] = [];
  const post = (token: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token, body });
  const open = async (path: string, token: string) => {
    const socket = await openSocket(`${s.wsUrl}${path}`, ['baton', `baton.token.${token}`]);
    sockets.push(socket);
    return socket;
  };
  const events = async (id: string, token: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, { token })).body
      .events as any[];
  const receipts = async (id: string, token: string) =>
    (await events(id, token)).filter((e) => e.type === 'message.read');

  /** A conversation Alex has taken: the customer asked, Alex answered, the customer wrote on. */
  async function talking() {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Noor' } });
    await post(c.token, `/api/v1/conversations/${c.id}/messages`, {
      text: 'I want to talk to a human about a refund on my invoice',
    });
    expect((await post(alex, `/api/v1/conversations/${c.id}/claim`)).status).toBe(200);
    const reply = await post(alex, `/api/v1/conversations/${c.id}/messages`, {
      text: 'On it 🎉',
    });
    expect(reply.status).toBe(201);
    const customer = await open(`/api/v1/conversations/${c.id}/stream?since=0`, c.token);
    const inbox = await open('/api/v1/agent/stream', alex);
    inbox.send({ type: 'subscribe', conversationId: c.id, since: 0 });
    customer.send({ type: 'message', text: 'Thanks 👍🏽 👩‍💻', clientMessageId: 'thanks' });
    const ack = await customer.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'thanks');
    const agentReplySeq = (await events(c.id, c.token)).find(
      (e) => e.type === 'message.created' && e.data.from === 'agent' && e.data.text === 'On it 🎉',
    ).seq as number;
    return { ...c, customer, inbox, agentReplySeq, customerSeq: ack.seq as number };
  }

  /**
   * The seq the next stored event gets: a message's ack (the customer's, or the agent's when
   * `conversationId` is given), handled after the socket's frames before it.
   */
  async function nextSeqAfter(socket: TestSocket, cid: string, conversationId?: string) {
    socket.send({ type: 'message', text: `probe ${cid}`, clientMessageId: cid, conversationId });
    return (await socket.waitFor((f) => f.type === 'ack' && f.clientMessageId === cid))
      .seq as number;
  }
  /** The socket's `n`th error frame, past or future. */
  const nthError = (socket: TestSocket, n: number) => {
    let seen = 0;
    return socket.waitFor((f) => f.type === 'error' && ++seen === n);
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'stores each side’s receipt on the other side’s last message, relays it, and keeps it',
    async () => {
      const c = await talking();
      // The customer has seen everything: the marker lands on Alex's reply, not on their own.
      c.customer.send({ type: 'read', upToSeq: c.customerSeq });
      const byCustomer = await c.inbox.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.read',
      );
      expect(byCustomer.event).toMatchObject({
        actor: { type: 'customer' },
        data: { upToSeq: c.agentReplySeq, by: 'customer' },
      });
      const relayedBack = await c.customer.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.read',
      );
      expect(relayedBack.event.seq).toBe(byCustomer.event.seq);

      // Alex's inbox has it open: the customer's last message is seen.
      c.inbox.send({ type: 'read', conversationId: c.id, upToSeq: byCustomer.event.seq });
      const byAgent = await c.customer.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.read' && f.event.data.by === 'agent',
      );
      // The customer reads the receipt and who sent it, never the agent's id.
      expect(byAgent.event.data).toEqual({ upToSeq: c.customerSeq, by: 'agent' });
      expect(byAgent.event.actor).toEqual({ type: 'agent', name: 'Alex' });

      // A reload reads the same receipts, for the agent and for the customer.
      const stored = (await receipts(c.id, alex)).map((e) => e.data);
      expect(stored).toEqual([
        { upToSeq: c.agentReplySeq, by: 'customer' },
        { upToSeq: c.customerSeq, by: 'agent' },
      ]);
      expect((await receipts(c.id, c.token)).map((e) => e.data)).toEqual(stored);

      // Emoji arrive as the customer typed them.
      const texts = (await events(c.id, alex)).map((e) => e.data.text);
      expect(texts).toContain('Thanks 👍🏽 👩‍💻');
      expect(texts).toContain('On it 🎉');
    },
  );

  it.skipIf(database.skipReason)(
    'never goes back, never passes the last seq, and stores nothing for the same marker',
    async () => {
      const c = await talking();
      c.customer.send({ type: 'read', upToSeq: c.customerSeq });
      const first = await c.customer.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.read',
      );
      // The same marker, an earlier one, and one that names the receipt itself: no new event.
      c.customer.send({ type: 'read', upToSeq: c.customerSeq });
      c.customer.send({ type: 'read', upToSeq: c.agentReplySeq - 1 });
      c.customer.send({ type: 'read', upToSeq: first.event.seq });
      expect(await nextSeqAfter(c.customer, 'p1')).toBe(first.event.seq + 1);

      // Past the last seq: refused, nothing stored.
      c.customer.send({ type: 'read', upToSeq: 10_000 });
      const refused = await c.customer.waitFor((f) => f.type === 'error');
      expect(refused.error.code).toBe('VALIDATION_FAILED');
      c.inbox.send({ type: 'read', conversationId: c.id, upToSeq: 10_000 });
      expect((await nthError(c.inbox, 1)).error.code).toBe('VALIDATION_FAILED');
      expect(await nextSeqAfter(c.customer, 'p2')).toBe(first.event.seq + 2);

      // A receipt answering a receipt is no receipt: the two screens do not ping-pong.
      c.inbox.send({ type: 'read', conversationId: c.id, upToSeq: first.event.seq + 2 });
      const agentRead = await c.customer.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.read' && f.event.data.by === 'agent',
      );
      expect(agentRead.event.data.upToSeq).toBe(first.event.seq + 2);
      c.customer.send({ type: 'read', upToSeq: agentRead.event.seq });
      expect(await nextSeqAfter(c.customer, 'p3')).toBe(agentRead.event.seq + 1);
      c.inbox.send({ type: 'read', conversationId: c.id, upToSeq: agentRead.event.seq });
      expect(await nextSeqAfter(c.inbox, 'a1', c.id)).toBe(agentRead.event.seq + 2);

      // A new reply moves the customer's marker forward again.
      const reply = await post(alex, `/api/v1/conversations/${c.id}/messages`, { text: 'Done.' });
      const replySeq = reply.body.events[0].seq as number;
      c.customer.send({ type: 'read', upToSeq: replySeq });
      const second = await c.inbox.waitFor(
        (f) =>
          f.type === 'event' &&
          f.event.type === 'message.read' &&
          f.event.data.by === 'customer' &&
          f.event.seq > first.event.seq,
      );
      expect(second.event.data.upToSeq).toBe(replySeq);
      expect((await receipts(c.id, alex)).filter((e) => e.data.by === 'customer')).toHaveLength(2);
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a receipt out of the agent’s scope, and one from an agent on a customer stream',
    async () => {
      const c = await talking();
      const before = await events(c.id, alex);
      // Held by Alex: out of Sam's scope, answered as an unknown id, and nothing stored.
      const samSocket = await open('/api/v1/agent/stream', sam);
      samSocket.send({ type: 'read', conversationId: c.id, upToSeq: c.customerSeq });
      expect((await nthError(samSocket, 1)).error.code).toBe('CONVERSATION_NOT_FOUND');
      samSocket.send({ type: 'read', conversationId: 'c_nobody', upToSeq: 1 });
      expect((await nthError(samSocket, 2)).error.code).toBe('CONVERSATION_NOT_FOUND');
      // An agent's token on the customer's stream may not mark anything either.
      const asAgent = await open(`/api/v1/conversations/${c.id}/stream?since=0`, alex);
      asAgent.send({ type: 'read', upToSeq: c.customerSeq });
      expect((await asAgent.waitFor((f) => f.type === 'error')).error.code).toBe('FORBIDDEN');
      // Another customer's socket marks only its own conversation, whatever the frame names.
      const other = await startConversation(s.baseUrl, { customer: { name: 'Eve' } });
      const otherSocket = await open(
        `/api/v1/conversations/${other.id}/stream?since=0`,
        other.token,
      );
      otherSocket.send({ type: 'read', conversationId: c.id, upToSeq: c.customerSeq });
      await nextSeqAfter(otherSocket, 'o1');
      expect(await nextSeqAfter(c.customer, 'p4')).toBe(before.at(-1).seq + 1);
      expect(await receipts(c.id, alex)).toEqual([]);
    },
  );
});
