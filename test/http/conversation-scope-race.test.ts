/**
 * The scope check of an agent's write is part of the write's own commit: a conversation
 * moved out of the agent's queues between the route's check and the commit is not written
 * (403 OUT_OF_SCOPE), where it once was. The race is made certain by running a supervisor's
 * reassign just before the agent's commit reaches the store. On both engines.
 *
 * Claim, note, resolve and a read receipt can be made on what merely waits in the agent's
 * queue, so the move takes them out of scope. A reply and a transfer are the assignee's, and
 * the assignee is always in scope (agent-visibility.ts), so the same move meets them as a loss
 * of ownership instead: refused by the ownership condition of the same commit, nothing written.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical, Riley supervises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { CommitInput } from '../../src/store/conversation-writes.ts';

describe.each(TEST_DATABASES)('scope checked inside the write ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let riley: string;
  let alexId: string;
  const post = (token: string, path: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', path, { token, body });

  /** Runs `meanwhile` once, just before the first commit of Alex's that `matches`. */
  function raceBefore(matches: (input: CommitInput) => boolean, meanwhile: () => Promise<void>) {
    const conversations = s.server.store.conversations;
    const commit = conversations.commit.bind(conversations);
    let raced = false;
    conversations.commit = async (input) => {
      const byAlex = input.events.some((e) => e.actor.type === 'agent' && e.actor.id === alexId);
      if (!raced && byAlex && matches(input)) {
        raced = true;
        await meanwhile();
      }
      return commit(input);
    };
    return {
      get raced() {
        return raced;
      },
      restore: () => {
        conversations.commit = commit;
      },
    };
  }

  async function waitingInBilling(): Promise<string> {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await post(c.token, `/api/v1/conversations/${c.id}/messages`, {
      text: 'I want to talk to a human about a refund on my invoice',
    });
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, { token: riley });
    expect(read.body.conversation).toMatchObject({ status: 'queued', queue: 'billing' });
    return c.id;
  }

  const toTechnical = (id: string) => async () => {
    const moved = await post(riley, `/api/v1/supervisor/conversations/${id}/reassign`, {
      queue: 'technical',
    });
    expect(moved.status).toBe(200);
  };

  async function eventsOf(id: string) {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, {
      token: riley,
    });
    return r.body.events as { seq: number; type: string; actor: { id?: string } }[];
  }

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex });
    alexId = me.body.agent?.id ?? me.body.id;
    expect(alexId).toEqual(expect.any(String));
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'a claim raced by a transfer to a queue the agent is not in is refused, nothing written',
    async () => {
      const id = await waitingInBilling();
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'conversation.assigned'),
        toTechnical(id),
      );
      const claim = await post(alex, `/api/v1/conversations/${id}/claim`);
      race.restore();
      expect(race.raced).toBe(true);
      expect([claim.status, claim.body.error?.code]).toEqual([403, 'OUT_OF_SCOPE']);
      expect(claim.body.error.message).toMatch(/moved out of your queues/);
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: riley });
      expect(read.body.conversation).toMatchObject({
        status: 'queued',
        queue: 'technical',
      });
      expect(read.body.conversation.assigneeId ?? null).toBeNull();
      expect((await eventsOf(id)).filter((e) => e.actor.id === alexId)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'a note raced by a transfer to a queue the agent is not in is refused, nothing written',
    async () => {
      const id = await waitingInBilling();
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'note.created'),
        toTechnical(id),
      );
      const note = await post(alex, `/api/v1/conversations/${id}/notes`, { text: 'mine' });
      race.restore();
      expect(race.raced).toBe(true);
      expect([note.status, note.body.error?.code]).toEqual([403, 'OUT_OF_SCOPE']);
      const events = await eventsOf(id);
      expect(events.filter((e) => e.type === 'note.created')).toEqual([]);
      expect(events.filter((e) => e.actor.id === alexId)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'a resolve raced by a transfer to a queue the agent is not in is refused, nothing written',
    async () => {
      const id = await waitingInBilling();
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'conversation.resolved'),
        toTechnical(id),
      );
      const resolve = await post(alex, `/api/v1/conversations/${id}/resolve`, {});
      race.restore();
      expect(race.raced).toBe(true);
      expect([resolve.status, resolve.body.error?.code]).toEqual([403, 'OUT_OF_SCOPE']);
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: riley });
      expect(read.body.conversation).toMatchObject({ status: 'queued', queue: 'technical' });
      expect((await eventsOf(id)).filter((e) => e.actor.id === alexId)).toEqual([]);
    },
  );

  /** Claimed by Alex (no race), so only Alex's later write is raced. */
  async function claimedByAlex(): Promise<{ id: string; before: number }> {
    const id = await waitingInBilling();
    const claim = await post(alex, `/api/v1/conversations/${id}/claim`);
    expect(claim.body.error ?? null).toBeNull();
    return { id, before: (await eventsOf(id)).length };
  }

  it.skipIf(database.skipReason)(
    'a reply raced by a reassign out of the agent’s hands is refused (NOT_ASSIGNEE), nothing written',
    async () => {
      const { id, before } = await claimedByAlex();
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'message.created'),
        toTechnical(id),
      );
      const reply = await post(alex, `/api/v1/conversations/${id}/messages`, { text: 'late' });
      race.restore();
      expect(race.raced).toBe(true);
      expect([reply.status, reply.body.error?.code]).toEqual([403, 'NOT_ASSIGNEE']);
      const after = (await eventsOf(id)).slice(before);
      expect(after.filter((e) => e.actor.id === alexId)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'a transfer raced by a reassign out of the agent’s hands is refused (409), nothing written',
    async () => {
      const { id, before } = await claimedByAlex();
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'conversation.transferred'),
        toTechnical(id),
      );
      const transfer = await post(alex, `/api/v1/conversations/${id}/transfer`, {
        queue: 'general',
      });
      race.restore();
      expect(race.raced).toBe(true);
      expect([transfer.status, transfer.body.error?.code]).toEqual([409, 'INVALID_TRANSITION']);
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: riley });
      expect(read.body.conversation).toMatchObject({ status: 'queued', queue: 'technical' });
      const after = (await eventsOf(id)).slice(before);
      expect(after.filter((e) => e.actor.id === alexId)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)('without a race the same writes still go through', async () => {
    const id = await waitingInBilling();
    expect((await post(alex, `/api/v1/conversations/${id}/notes`, { text: 'mine' })).status).toBe(
      200,
    );
    expect((await post(alex, `/api/v1/conversations/${id}/claim`)).status).toBe(200);
  });

  it.skipIf(database.skipReason)(
    'a claim refused for capacity while a colleague takes the conversation is a 409, not OUT_OF_SCOPE',
    async () => {
      // Alex full: holding one more than nothing, allowed exactly what he holds.
      const held = await waitingInBilling();
      expect((await post(alex, `/api/v1/conversations/${held}/claim`)).status).toBe(200);
      const team = await api(s.baseUrl, 'GET', '/api/v1/agents', { token: riley });
      const me = team.body.agents.find((a: { id: string }) => a.id === alexId);
      const setCapacity = async (maxConcurrent: number) =>
        expect(
          (
            await api(s.baseUrl, 'PATCH', `/api/v1/team/agents/${alexId}`, {
              token: riley,
              body: { maxConcurrent },
            })
          ).status,
        ).toBe(200);
      await setCapacity(me.load);
      const id = await waitingInBilling();
      // Riley takes it just after the store refused Alex's claim (no room), before the refusal
      // is explained: the conversation is now held by a colleague, which Alex may not see.
      const conversations = s.server.store.conversations;
      const commit = conversations.commit.bind(conversations);
      let raced = false;
      conversations.commit = async (input) => {
        const result = await commit(input);
        const byAlex = input.events.some((e) => e.actor.type === 'agent' && e.actor.id === alexId);
        if (!raced && byAlex && !result.ok) {
          raced = true;
          expect((await post(riley, `/api/v1/conversations/${id}/claim`)).status).toBe(200);
        }
        return result;
      };
      const claim = await post(alex, `/api/v1/conversations/${id}/claim`);
      conversations.commit = commit;
      await setCapacity(me.capacity);
      expect(raced).toBe(true);
      expect(claim.status).toBe(409);
      expect(claim.body.error?.code).not.toBe('OUT_OF_SCOPE');
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: riley });
      expect(read.body.conversation).toMatchObject({ status: 'assigned' });
      expect(read.body.conversation.assigneeId).not.toBe(alexId);
      await post(alex, `/api/v1/conversations/${held}/resolve`, {});
    },
  );

  it.skipIf(database.skipReason)(
    'a read receipt raced by a transfer to a queue the agent is not in is refused, nothing written',
    async () => {
      const id = await waitingInBilling();
      const lastSeq = Math.max(...(await eventsOf(id)).map((e) => e.seq));
      // Last in the file: with Alex's inbox open the router routes what waits to Alex, which
      // would leave no capacity for the claims above.
      const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
        'baton',
        `baton.token.${alex}`,
      ]);
      const race = raceBefore(
        (input) => input.events.some((e) => e.type === 'message.read'),
        toTechnical(id),
      );
      socket.send({ type: 'read', conversationId: id, upToSeq: lastSeq });
      const error = await socket.waitFor((f) => f.type === 'error');
      race.restore();
      await socket.close();
      expect(race.raced).toBe(true);
      expect(error.error.code).toBe('OUT_OF_SCOPE');
      // A receipt of Alex's would have let Alex open the conversation ever after ("took part").
      expect((await eventsOf(id)).filter((e) => e.actor.id === alexId)).toEqual([]);
      const open = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: alex });
      expect(open.status).toBe(404);
    },
  );
});
