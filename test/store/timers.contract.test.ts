/** Timers in the database: atomic with the conversation change, claimed once, re-fired after a lapse. */
import { beforeEach, describe, expect, it } from 'vitest';
import { messageCreated } from '../../src/core/conversation/conversation-events.ts';
import { TimerRepository } from '../../src/store/timer-repository.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';
import { handedOverData } from '../helpers/event-data.ts';

const t0 = new Date('2026-11-22T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(TEST_DATABASES)('timers on $name', (database) => {
  const fresh = useFreshStore(database);
  beforeEach(async () => {
    for (const id of ['c1', 'c2']) {
      await fresh.store.conversations.create({
        id,
        channel: 'web',
        customer: {},
        language: null,
        tokenHash: 'h',
        events: [],
        now: t0,
      });
    }
  });

  const queue = (id: string, dueInSeconds: number) =>
    fresh.store.conversations.commit({
      conversationId: id,
      changes: { status: 'queued', queue: 'general' },
      events: [
        {
          type: 'conversation.handed_over',
          actor: { type: 'bot' },
          data: handedOverData('general'),
        },
      ],
      timers: {
        schedule: [{ kind: 'sla.first_response', dueAt: at(dueInSeconds), data: { n: 1 } }],
      },
      now: t0,
    });

  it('schedules timers with the change, and cancels them with the next one', async () => {
    await queue('c1', 60);
    expect(await fresh.store.timers.deadEnds()).toEqual([]);
    const pending = await fresh.store.timers.pendingFor('c1');
    expect(pending).toMatchObject([
      { kind: 'sla.first_response', status: 'pending', data: { n: 1 } },
    ]);
    await fresh.store.conversations.commit({
      conversationId: 'c1',
      changes: { status: 'assigned', assigneeId: 'a1' },
      events: [],
      timers: { cancel: 'all' },
      now: t0,
    });
    expect(await fresh.store.timers.pendingFor('c1')).toEqual([]);
  });

  it('does not touch timers when the conditional change is refused', async () => {
    await queue('c1', 60);
    const refused = await fresh.store.conversations.commit({
      conversationId: 'c1',
      expectStatus: ['bot'],
      changes: { status: 'resolved' },
      events: [],
      timers: { cancel: 'all', schedule: [{ kind: 'x', dueAt: at(1) }] },
      now: t0,
    });
    expect(refused.ok).toBe(false);
    expect((await fresh.store.timers.pendingFor('c1')).map((t) => t.kind)).toEqual([
      'sla.first_response',
    ]);
  });

  it('claims only due timers, each once across nodes, and again after the lease lapses', async () => {
    await queue('c1', 10);
    await queue('c2', 100);
    const other = new TimerRepository(fresh.store.db, fresh.store.engine);
    expect(await fresh.store.timers.claimDue(at(5), 10, 30_000)).toEqual([]);
    const [mine, theirs] = await Promise.all([
      fresh.store.timers.claimDue(at(11), 10, 30_000),
      other.claimDue(at(11), 10, 30_000),
    ]);
    expect(mine.length + theirs.length).toBe(1);
    expect([...mine, ...theirs][0]).toMatchObject({ conversationId: 'c1', attempts: 1 });
    // The claimer died: after the lease the timer is due again, for anyone.
    const again = await other.claimDue(at(45), 10, 30_000);
    expect(again).toMatchObject([{ conversationId: 'c1', attempts: 2 }]);
    await other.complete(again[0]!.id, at(46));
    expect(await fresh.store.timers.pendingFor('c1')).toEqual([]);
  });

  it('completes a fired timer with the commit it led to, and only with it', async () => {
    const { store } = fresh;
    await queue('c1', 10);
    const [fired] = await store.timers.claimDue(at(11), 10, 30_000);
    const mine = { id: fired!.id, claimedBy: store.timers.owner };
    const status = async () =>
      (
        await store.db
          .selectFrom('timers')
          .select(['status', 'fired_at'])
          .where('id', '=', mine.id)
          .executeTakeFirstOrThrow()
      ).status;
    const message = (id: string) => messageCreated({ type: 'customer' }, { text: 'Hello?' }, id);
    await store.conversations.commit({
      conversationId: 'c1',
      events: [message('m1')],
      now: at(11),
    });
    // A commit refused by its conditions, or that fails (a client message id stored before,
    // which rolls it back), leaves the timer claimed: due again once the lease runs out.
    const refused = await store.conversations.commit({
      conversationId: 'c1',
      expectStatus: ['bot'],
      events: [],
      completesTimer: mine,
      now: at(12),
    });
    expect(refused.ok).toBe(false);
    const failed = await store.conversations.commit({
      conversationId: 'c1',
      events: [message('m1')],
      completesTimer: mine,
      now: at(12),
    });
    expect(failed).toMatchObject({ ok: false, reason: 'duplicate' });
    // Another node's name on the claim: not this commit's timer to complete.
    const theirs = await store.conversations.commit({
      conversationId: 'c1',
      events: [],
      completesTimer: { ...mine, claimedBy: 'node_other' },
      now: at(12),
    });
    expect(theirs.ok).toBe(true);
    expect(await status()).toBe('claimed');
    const made = await store.conversations.commit({
      conversationId: 'c1',
      events: [],
      completesTimer: mine,
      now: at(13),
    });
    expect(made.ok).toBe(true);
    expect(
      await store.db
        .selectFrom('timers')
        .select(['status', 'fired_at'])
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'done', fired_at: at(13).toISOString() });
    expect(await store.timers.claimDue(at(60), 10, 30_000)).toEqual([]);
  });

  it('finds waiting conversations without a timer', async () => {
    await fresh.store.conversations.commit({
      conversationId: 'c2',
      changes: { status: 'queued', queue: 'general' },
      events: [],
      now: t0,
    });
    expect(await fresh.store.timers.deadEnds()).toEqual(['c2']);
  });
});
