/**
 * A decline releases only an offer made to the agent who declines: one that arrives after
 * the offer went to a colleague (it expired and the router offered it again) is refused and
 * leaves the colleague's offer be, because the commit holds to the offer it was decided
 * from. A forged decline of a colleague's offer is refused too. On both engines.
 *
 * Demo agents: Alex and Sam both serve general; Riley supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('offer decline is the offered agent’s ($name)', (database) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const post = (token: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token, body });

  /** Stands in for the router: the conversation, waiting or offered, is offered to `name`. */
  async function offerTo(id: string, name: 'alex' | 'sam'): Promise<void> {
    const current = await s.server.store.conversations.get(id);
    const committed = await s.server.store.conversations.commit({
      conversationId: id,
      expectStatus: [current?.status ?? 'queued'],
      changes: { status: 'offered', offeredTo: ids[name] as string },
      events: [
        {
          type: 'conversation.offered',
          actor: { type: 'system' },
          data: {
            agentId: ids[name] as string,
            agentName: name,
            expiresAt: new Date().toISOString(),
          },
        },
      ],
      now: new Date(),
    });
    expect(committed.ok).toBe(true);
  }

  async function waitingInGeneral(): Promise<string> {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await post(c.token, `/api/v1/conversations/${c.id}/messages`, {
      text: 'I need to talk to a human please',
    });
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, {
      token: tokens.riley as string,
    });
    expect(read.body.conversation).toMatchObject({ status: 'queued' });
    return c.id;
  }

  async function stateOf(id: string) {
    const c = await s.server.store.conversations.get(id);
    return { status: c?.status, offeredTo: c?.offeredTo, declinedBy: c?.declinedBy };
  }

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    for (const name of ['alex', 'sam', 'riley']) {
      tokens[name] = await login(s.baseUrl, `${name}@example.com`, s.demoAgent.password);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token: tokens[name] as string });
      ids[name] = me.body.agent.id as string;
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'a late decline, after the offer went to a colleague, is refused and their offer stays',
    async () => {
      const id = await waitingInGeneral();
      await offerTo(id, 'alex');
      const conversations = s.server.store.conversations;
      const commit = conversations.commit.bind(conversations);
      let raced = false;
      // Between Alex's read of the offer and the write of his decline, it goes to Sam.
      conversations.commit = async (input) => {
        if (!raced && input.events.some((e) => e.type === 'conversation.offer_declined')) {
          raced = true;
          await offerTo(id, 'sam');
        }
        return commit(input);
      };
      const declined = await post(tokens.alex as string, `/api/v1/conversations/${id}/decline`);
      conversations.commit = commit;
      expect(raced).toBe(true);
      expect([declined.status, declined.body.error?.code]).toEqual([409, 'INVALID_TRANSITION']);
      expect(await stateOf(id)).toEqual({ status: 'offered', offeredTo: ids.sam, declinedBy: [] });
      const events = await s.server.store.conversations.eventsSince(id, 0);
      expect(events.filter((e) => e.type === 'conversation.offer_declined')).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)('a decline of a colleague’s offer is refused', async () => {
    const id = await waitingInGeneral();
    await offerTo(id, 'sam');
    const forged = await post(tokens.alex as string, `/api/v1/conversations/${id}/decline`);
    expect([forged.status, forged.body.error?.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await stateOf(id)).toEqual({ status: 'offered', offeredTo: ids.sam, declinedBy: [] });
  });

  it.skipIf(database.skipReason)('the offered agent declines their own offer', async () => {
    const id = await waitingInGeneral();
    await offerTo(id, 'alex');
    const declined = await post(tokens.alex as string, `/api/v1/conversations/${id}/decline`);
    expect(declined.status).toBe(200);
    expect(await stateOf(id)).toMatchObject({ status: 'queued', declinedBy: [ids.alex] });
  });
});
