/**
 * The writer's part of the timers' rule (docs/architecture.md): lifecycle timers follow from
 * the state alone, so a commit that schedules or cancels one by hand is refused before it
 * reaches the store, and after every commit the pending timers are exactly what `timersFor`
 * says (here on a real SQLite store; the simulation checks it under faults on both engines).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf } from '../../src/core/conversation/conversation-events.ts';
import { timersFor } from '../../src/core/conversation/timers-for.ts';
import { transition } from '../../src/core/conversation/transition.ts';
import type { ConversationRecord } from '../../src/core/records.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const sqlite = TEST_DATABASES.find((d) => d.name === 'sqlite')!;
const NOW = new Date('2026-12-01T10:00:00Z');

describe('the conversation writer', () => {
  let db: OpenedTestStore;
  let writer: ConversationWriter;
  let id: string;
  beforeAll(async () => {
    db = await sqlite.open();
    writer = new ConversationWriter({
      store: db.store,
      bus: createInProcessBus(),
      clock: () => NOW,
      policy: POLICY,
    });
    const { conversation } = await writer.create({
      id: 'c_writer_test',
      channel: 'web',
      customer: {},
      language: 'en',
      tokenHash: 'hash',
      now: NOW,
      events: [eventOf('conversation.created', { type: 'customer' }, { channel: 'web' })],
    });
    id = conversation.id;
  });
  afterAll(() => db?.cleanup());

  const conversation = async () => (await db.store.conversations.get(id))!;
  const pendingKinds = async () => (await db.store.timers.pendingFor(id)).map((t) => t.kind).sort();
  const derivedKinds = (c: ConversationRecord) =>
    timersFor(c, POLICY)
      .map((t) => t.kind)
      .sort();

  it('refuses a lifecycle timer scheduled or cancelled by hand, and writes nothing', async () => {
    const before = await conversation();
    await expect(
      writer.commit({
        conversationId: id,
        events: [],
        timers: { schedule: [{ kind: 'offer.expire', dueAt: NOW, data: {} }] },
      }),
    ).rejects.toThrow(/lifecycle timers \(offer\.expire\) follow from the state alone/);
    await expect(
      writer.commit({ conversationId: id, events: [], timers: { cancel: ['sla.first_response'] } }),
    ).rejects.toThrow(/follow from the state alone/);
    await expect(
      writer.commit({ conversationId: id, events: [], timers: { cancel: 'all' } }),
    ).rejects.toThrow(/follow from the state alone/);
    expect((await conversation()).lastSeq).toBe(before.lastSeq);
  });

  it('leaves the pending timers exactly as timersFor derives them after each commit', async () => {
    const c = await conversation();
    const handedOver = transition(
      { state: c.status, assigneeId: null, offeredTo: null, queue: null },
      { type: 'hand_over', queue: 'general' },
      NOW,
    );
    if (!handedOver.ok) throw new Error(handedOver.code);
    const queued = await writer.commit({
      conversationId: id,
      expectStatus: ['bot'],
      changes: {
        status: handedOver.state.state,
        queue: 'general',
        handedOverAt: NOW.toISOString(),
      },
      events: [{ type: handedOver.event.type, actor: { type: 'bot' }, data: {} } as never],
    });
    expect(queued.ok).toBe(true);
    const waiting = await conversation();
    expect(waiting.status).toBe('queued');
    // A waiting conversation has at least the timer that moves it on (the SLA check).
    expect(await pendingKinds()).toContain('sla.first_response');
    expect(await pendingKinds()).toEqual(derivedKinds(waiting));

    const resolved = transition(
      { state: waiting.status, assigneeId: null, offeredTo: null, queue: waiting.queue },
      { type: 'resolve', agentId: null },
      NOW,
    );
    if (!resolved.ok) throw new Error(resolved.code);
    await writer.commit({
      conversationId: id,
      changes: { status: resolved.state.state },
      events: [{ type: resolved.event.type, actor: { type: 'system' }, data: {} } as never],
    });
    // Closed: every lifecycle timer cancelled in the same commit.
    expect(await pendingKinds()).toEqual([]);
    expect(derivedKinds(await conversation())).toEqual([]);
  });
});
