/**
 * Capacity is never exceeded by a named transfer or a supervisor's reassign to an agent
 * (issue 13, docs/routing.md "No dead ends"): the agent's load is checked in the same
 * conditional update that takes the conversation, not only in the read before it. Two such
 * moves to one agent with room for one, at once, both pass the read; only one may land.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentWorkflow } from '../../src/app/conversations/agent-workflow.ts';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { queueCatalog } from '../../src/app/routing/queue-catalog.ts';
import { reassignConversation } from '../../src/app/routing/supervisor-reassign.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf } from '../../src/core/conversation/conversation-events.ts';
import { transition } from '../../src/core/conversation/transition.ts';
import type { AgentRecord } from '../../src/core/records.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const NOW = new Date('2026-12-01T10:00:00Z');

describe.each(TEST_DATABASES)(
  'a named move to an agent with room for one, twice at once ($name)',
  (database) => {
    let db: OpenedTestStore;
    let writer: ConversationWriter;
    const clock = () => NOW;

    beforeEach(async (ctx) => {
      if (database.skipReason) ctx.skip();
      db = await database.open();
      writer = new ConversationWriter({
        store: db.store,
        bus: createInProcessBus(),
        clock,
        policy: POLICY,
      });
    });
    afterEach(() => db?.cleanup());

    async function agent(id: string, maxConcurrent: number): Promise<AgentRecord> {
      const created = await db.store.agents.create({
        id,
        email: `${id}@example.com`,
        name: id,
        passwordHash: 'x',
        role: 'supervisor',
        skills: [],
        maxConcurrent,
        now: NOW,
      });
      await db.store.agents.setPresence(created.id, 'online');
      return (await db.store.agents.get(created.id))!;
    }

    async function queued(id: string) {
      await writer.create({
        id,
        channel: 'web',
        customer: {},
        language: 'en',
        tokenHash: `hash-${id}`,
        now: NOW,
        events: [eventOf('conversation.created', { type: 'customer' }, { channel: 'web' })],
      });
      const handedOver = transition(
        { state: 'bot', assigneeId: null, offeredTo: null, queue: null },
        { type: 'hand_over', queue: 'general' },
        NOW,
      );
      if (!handedOver.ok) throw new Error(handedOver.code);
      await writer.commit({
        conversationId: id,
        expectStatus: ['bot'],
        changes: {
          status: handedOver.state.state,
          queue: 'general',
          handedOverAt: NOW.toISOString(),
        },
        events: [{ type: handedOver.event.type, actor: { type: 'bot' }, data: {} } as never],
      });
    }

    /** One move lands, the other is AGENT_UNAVAILABLE, and the agent holds exactly one. */
    async function expectOneLands(target: AgentRecord, moves: Promise<unknown>[]) {
      const settled = await Promise.allSettled(moves);
      expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = settled.find((r) => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toMatchObject({
        code: 'AGENT_UNAVAILABLE',
      });
      expect((await db.store.reads.loadByAgent()).get(target.id)).toBe(1);
    }

    it('a supervisor reassigns two waiting conversations to them: one is assigned', async () => {
      const riley = await agent('a_riley', 5);
      const sam = await agent('a_sam', 1);
      await queued('c_one');
      await queued('c_two');
      const deps = {
        store: db.store,
        writer,
        clock,
        isConnected: () => true,
        queues: queueCatalog(),
      };
      await expectOneLands(sam, [
        reassignConversation(deps, 'c_one', riley, { agentId: sam.id }),
        reassignConversation(deps, 'c_two', riley, { agentId: sam.id }),
      ]);
    });

    it('two colleagues transfer theirs to them by name: one is offered', async () => {
      const alex = await agent('a_alex', 5);
      const riley = await agent('a_riley', 5);
      const sam = await agent('a_sam', 1);
      await queued('c_one');
      await queued('c_two');
      const workflow = new AgentWorkflow({
        store: db.store,
        writer,
        clock,
        isConnected: () => true,
      });
      await workflow.claim('c_one', alex);
      await workflow.claim('c_two', riley);
      await expectOneLands(sam, [
        workflow.transferToAgent('c_one', alex, sam.id),
        workflow.transferToAgent('c_two', riley, sam.id),
      ]);
    });
  },
);
