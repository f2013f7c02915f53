/** A web customer who leaves while waiting is marked abandoned; one who comes back is not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConversation } from '../helpers/api-client.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe('abandonment', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: { BATON_ABANDON_AFTER_SECONDS: '1', BATON_TIMER_INTERVAL_MS: '50' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function waitingCustomer() {
    const c = await startConversation(s.baseUrl);
    const socket = await openSocket(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
      tokenProtocols(c.token),
    );
    socket.send({ type: 'action', action: 'request_human', clientMessageId: 'h' });
    await socket.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.handed_over');
    return { c, socket };
  }

  it('marks a customer who closed the chat and stayed away as abandoned, counted not deleted', async () => {
    const { c, socket } = await waitingCustomer();
    await socket.close();
    const gone = await until(async () => {
      const conversation = await s.server.store.conversations.get(c.id);
      return conversation?.status === 'abandoned' ? conversation : undefined;
    });
    expect(gone.handoff?.reasons).toContain('explicit_request');
    const events = await s.server.store.conversations.eventsSince(c.id, 0);
    expect(events.at(-1)).toMatchObject({
      type: 'conversation.abandoned',
      data: { reason: 'customer_left' },
    });
    expect(await s.server.store.timers.pendingFor(c.id)).toEqual([]);
  });

  it('does not abandon a customer who comes back in time', async () => {
    const { c, socket } = await waitingCustomer();
    await socket.close();
    const back = await openSocket(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
      tokenProtocols(c.token),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await s.server.store.conversations.get(c.id))?.status).toBe('queued');
    expect(await s.server.store.timers.deadEnds()).toEqual([]);
    await back.close();
  });
});
