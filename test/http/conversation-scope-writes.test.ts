/**
 * An agent writes only to the conversations of their scope, the same rule as for reads
 * (src/app/conversations/conversation-scope.ts): claim, decline, resolve, transfer, return to
 * the bot, note, WhatsApp template, reply over HTTP, and reply and typing over the inbox
 * socket. Out of scope is 404 CONVERSATION_NOT_FOUND (the socket's error frame with that
 * code), as for an unknown id, and nothing changes. In scope, and for supervisors, the writes
 * still work: an offer is the offered agent's to accept or decline, what waits in an agent's
 * queue is theirs to claim. On both engines.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical, Riley supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('conversation scope of writes ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  let riley: string;
  const sockets: TestSocket[] = [];
  const post = (token: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token, body });
  const stream = async (token: string) => {
    const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
      'baton',
      `baton.token.${token}`,
    ]);
    sockets.push(socket);
    return socket;
  };

  /** Every write an agent makes over HTTP to one conversation, with a body it accepts. */
  const httpWrites = (id: string): [string, unknown][] => [
    [`/api/v1/conversations/${id}/claim`, {}],
    [`/api/v1/conversations/${id}/decline`, {}],
    [`/api/v1/conversations/${id}/resolve`, { resolved: true }],
    [`/api/v1/conversations/${id}/transfer`, { queue: 'general', note: 'over to you' }],
    [`/api/v1/conversations/${id}/return-to-bot`, {}],
    [`/api/v1/conversations/${id}/notes`, { text: 'seen it' }],
    [`/api/v1/conversations/${id}/template`, { name: 'order_update', language: 'en' }],
    [`/api/v1/conversations/${id}/messages`, { text: 'Hello from elsewhere' }],
  ];

  /** What a supervisor reads of a conversation: its record and every event. */
  async function snapshot(id: string) {
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: riley });
    const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, {
      token: riley,
    });
    return { conversation: read.body.conversation, events: events.body.events };
  }

  /** Each write by `token` answers 404 CONVERSATION_NOT_FOUND and leaves the conversation be. */
  async function refusedEverywhere(token: string, id: string): Promise<void> {
    const before = await snapshot(id);
    for (const [path, body] of httpWrites(id)) {
      const r = await post(token, path, body);
      expect([path, r.status, r.body.error?.code]).toEqual([path, 404, 'CONVERSATION_NOT_FOUND']);
    }
    expect(await snapshot(id)).toEqual(before);
  }

  /** A conversation handed over to `queue` (checked), waiting there. */
  async function handedOver(queue: string, text: string): Promise<string> {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await post(c.token, `/api/v1/conversations/${c.id}/messages`, { text });
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, { token: riley });
    expect(read.body.conversation).toMatchObject({ status: 'queued', queue });
    return c.id;
  }
  const billingRefund = () =>
    handedOver('billing', 'I want to talk to a human about a refund on my invoice');

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    const password = s.demoAgent.password;
    alex = await login(s.baseUrl, 'alex@example.com', password);
    sam = await login(s.baseUrl, 'sam@example.com', password);
    riley = await login(s.baseUrl, 'riley@example.com', password);
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'answers every HTTP write out of scope 404, as for an unknown id, and changes nothing',
    async () => {
      for (const [path, body] of httpWrites('c_nobody')) {
        const r = await post(sam, path, body);
        expect([path, r.status, r.body.error?.code]).toEqual([path, 404, 'CONVERSATION_NOT_FOUND']);
      }
      // Waiting in billing, a queue Sam is not a member of.
      const billing = await billingRefund();
      await refusedEverywhere(sam, billing);
      expect((await post(riley, `/api/v1/conversations/${billing}/resolve`)).status).toBe(200);
      // Still with the bot: in no queue, so in no agent's scope.
      const withBot = await startConversation(s.baseUrl, { customer: { name: 'Lee' } });
      await refusedEverywhere(alex, withBot.id);
      // Held by Alex: out of Sam's scope, though it came from a queue they share.
      const general = await handedOver('general', 'I want to talk to a human, please');
      expect((await post(alex, `/api/v1/conversations/${general}/claim`)).status).toBe(200);
      await refusedEverywhere(sam, general);
      expect((await post(alex, `/api/v1/conversations/${general}/resolve`)).status).toBe(200);
      // Nothing Sam tried reached the audit log either.
      const samId = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent.id;
      const audit = await api(s.baseUrl, 'GET', '/api/v1/team/audit?action=conversation.', {
        token: riley,
      });
      expect(audit.body.entries.map((e: any) => e.actor.id)).toContain(
        (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.id,
      );
      expect(audit.body.entries.filter((e: any) => e.actor.id === samId)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'lets an agent claim from their queue and write to their own; supervisors write anywhere',
    async () => {
      const billing = await billingRefund();
      expect((await post(alex, `/api/v1/conversations/${billing}/claim`)).status).toBe(200);
      expect(
        (await post(alex, `/api/v1/conversations/${billing}/notes`, { text: 'VIP' })).status,
      ).toBe(200);
      expect(
        (await post(alex, `/api/v1/conversations/${billing}/messages`, { text: 'On it.' })).status,
      ).toBe(201);
      // In scope, the template reaches the WhatsApp sender, which says why it cannot send here.
      const template = await post(alex, `/api/v1/conversations/${billing}/template`, {
        name: 'order_update',
        language: 'en',
      });
      expect(template.body.error.code).toBe('CHANNEL_NOT_ENABLED');
      // Moved to technical: Sam's queue now, so Sam may take it and close it.
      expect(
        (await post(alex, `/api/v1/conversations/${billing}/transfer`, { queue: 'technical' }))
          .status,
      ).toBe(200);
      expect((await post(sam, `/api/v1/conversations/${billing}/claim`)).status).toBe(200);
      const resolved = await post(sam, `/api/v1/conversations/${billing}/resolve`, {});
      expect(resolved.body.conversation.status).toBe('resolved');

      // A supervisor is in every conversation's scope, the bot's too.
      const withBot = await startConversation(s.baseUrl, { customer: { name: 'Lee' } });
      const note = await post(riley, `/api/v1/conversations/${withBot.id}/notes`, { text: 'hm' });
      expect(note.status).toBe(200);
    },
  );

  it.skipIf(database.skipReason)(
    'lets the agent an offer names accept or decline it, from a queue they are not in',
    async () => {
      const samId = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent.id;
      const presence = (value: string) =>
        api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token: sam, body: { presence: value } });
      // His inbox open makes him online; away but while he is named, so the router offers
      // him nothing of its own (billing overflows to general, one of his queues).
      await stream(sam);
      await presence('away');
      const offerToSam = async () => {
        const id = await billingRefund();
        expect((await post(alex, `/api/v1/conversations/${id}/claim`)).status).toBe(200);
        await presence('online');
        const moved = await post(alex, `/api/v1/conversations/${id}/transfer`, { agentId: samId });
        await presence('away');
        expect(moved.body.conversation).toMatchObject({ status: 'offered', queue: 'billing' });
        return id;
      };
      const declined = await offerToSam();
      const no = await post(sam, `/api/v1/conversations/${declined}/decline`);
      expect(no.body.conversation).toMatchObject({ status: 'queued', queue: 'billing' });
      const accepted = await offerToSam();
      const yes = await post(sam, `/api/v1/conversations/${accepted}/claim`);
      expect(yes.body.conversation).toMatchObject({ status: 'assigned', assignee: { id: samId } });
    },
  );

  it.skipIf(database.skipReason)(
    'answers a reply or typing frame out of scope with CONVERSATION_NOT_FOUND; in scope they pass',
    async () => {
      const c = await startConversation(s.baseUrl, { customer: { name: 'Ines' } });
      await post(c.token, `/api/v1/conversations/${c.id}/messages`, {
        text: 'I want to talk to a human about a refund on my invoice',
      });
      expect((await post(alex, `/api/v1/conversations/${c.id}/claim`)).status).toBe(200);
      const customer = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
        tokenProtocols(c.token),
      );
      sockets.push(customer);
      const samSocket = await stream(sam);
      const alexSocket = await stream(alex);
      const before = await snapshot(c.id);

      samSocket.send({ type: 'message', conversationId: c.id, text: 'Hi!', clientMessageId: 'm1' });
      const refusedReply = await samSocket.waitFor(
        (f) => f.type === 'error' && f.clientMessageId === 'm1',
      );
      expect(refusedReply.error.code).toBe('CONVERSATION_NOT_FOUND');
      samSocket.send({ type: 'typing', conversationId: c.id });
      const refusedTyping = await samSocket.waitFor(
        (f) => f.type === 'error' && f !== refusedReply,
      );
      expect(refusedTyping.error.code).toBe('CONVERSATION_NOT_FOUND');
      samSocket.send({ type: 'typing', conversationId: 'c_nobody' });
      const unknown = await samSocket.waitFor(
        (f) => f.type === 'error' && f !== refusedReply && f !== refusedTyping,
      );
      expect(unknown.error.code).toBe('CONVERSATION_NOT_FOUND');
      expect(await snapshot(c.id)).toEqual(before);

      // Alex holds it: his typing reaches the customer, his reply is stored. Sam's typing
      // came first, so the customer's first typing frame being Alex's shows Sam's never came.
      alexSocket.send({ type: 'typing', conversationId: c.id });
      expect(await customer.waitFor((f) => f.type === 'typing')).toMatchObject({
        name: 'Alex',
        active: true,
      });
      alexSocket.send({
        type: 'message',
        conversationId: c.id,
        text: 'Hi!',
        clientMessageId: 'a1',
      });
      const ack = await alexSocket.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'a1');
      expect(ack.seq).toBeGreaterThan(before.events.at(-1).seq);
      expect(samSocket.frames.filter((f) => f.type === 'ack')).toEqual([]);
    },
  );
});
