/**
 * Typing indicators over real sockets: the assigned agent's typing reaches the customer with
 * the agent's name, the customer's reaches the agent who follows the conversation, repeats
 * are thinned out, nobody else may pretend to type, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const isTyping = (f: any) => f.type === 'typing';

describe('typing indicators', () => {
  let s: TestServer;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });
  const open = async (url: string, protocols?: string[]) => {
    const socket = await openSocket(url, protocols);
    sockets.push(socket);
    return socket;
  };

  it('passes typing both ways between the customer and the assigned agent, never stored', async () => {
    const alexToken = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    const samToken = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    const c = await startConversation(s.baseUrl, { customer: { name: 'Ines' } });
    const customer = await open(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
      tokenProtocols(c.token),
    );
    const alex = await open(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alexToken));
    const sam = await open(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(samToken));

    // With the bot, the conversation is in no agent's scope: as if it did not exist.
    sam.send({ type: 'typing', conversationId: c.id });
    const withBot = await sam.waitFor((f) => f.type === 'error');
    expect(withBot.error.code).toBe('CONVERSATION_NOT_FOUND');

    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    // Waiting in his queue, before anyone owns it: refused and not passed on.
    sam.send({ type: 'typing', conversationId: c.id });
    const refused = await sam.waitFor((f) => f.type === 'error' && f !== withBot);
    expect(refused.error.code).toBe('NOT_ASSIGNEE');
    const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: alexToken,
    });
    expect(claimed.status).toBe(200);
    const storedBefore = (await s.server.store.conversations.eventsSince(c.id, 0)).length;

    alex.send({ type: 'subscribe', conversationId: c.id, since: 0 });
    await alex.waitFor((f) => f.type === 'event' && f.event.conversationId === c.id);
    for (let i = 0; i < 5; i++) alex.send({ type: 'typing', conversationId: c.id });
    expect(await customer.waitFor(isTyping)).toEqual({
      type: 'typing',
      by: 'agent',
      name: 'Alex',
      active: true,
    });
    alex.send({ type: 'typing', conversationId: c.id, active: false });
    await customer.waitFor((f) => isTyping(f) && f.active === false);
    // Five keystrokes within two seconds are one "typing", then one "stopped".
    expect(customer.frames.filter(isTyping).map((f) => f.active)).toEqual([true, false]);

    // Alex holds it, so it left Sam's scope: refused, and the customer hears nothing from him.
    sam.send({ type: 'typing', conversationId: c.id });
    await sam.waitFor(
      (f) => f.type === 'error' && f.error.code === 'CONVERSATION_NOT_FOUND' && f !== withBot,
    );
    expect(customer.frames.filter(isTyping)).toHaveLength(2);

    customer.send({ type: 'typing' });
    expect(await alex.waitFor(isTyping)).toEqual({
      type: 'typing',
      conversationId: c.id,
      by: 'customer',
      active: true,
    });
    // Sam does not follow the conversation, so its typing does not reach him.
    customer.send({ type: 'typing', active: false });
    await alex.waitFor((f) => isTyping(f) && f.active === false);
    expect(sam.frames.filter(isTyping)).toEqual([]);

    expect((await s.server.store.conversations.eventsSince(c.id, 0)).length).toBe(storedBefore);
  });

  it('refuses a malformed typing frame with a clear error', async () => {
    const token = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    const agent = await open(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    agent.send({ type: 'typing' });
    const error = await agent.waitFor((f) => f.type === 'error');
    expect(error.error.code).toBe('VALIDATION_FAILED');
  });
});
