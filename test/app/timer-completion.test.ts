/**
 * A fired lifecycle timer is completed in its reconcile's transaction (store/fired-timer.ts):
 * a reconcile that fails leaves the timer claimed, to fire again once its lease runs out, and
 * on PostgreSQL the completion costs no statement of its own.
 */
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { TimerRunner } from '../../src/app/timers/timer-runner.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf } from '../../src/core/conversation/conversation-events.ts';
import { BOT_SURVEY_TIMER } from '../../src/core/conversation/timer-kinds.ts';
import type { Store } from '../../src/store/store.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const t0 = new Date('2026-12-07T10:00:00.000Z');
const later = new Date(t0.getTime() + 60_000);
const quiet = { warn: () => undefined, error: () => undefined };

/** A conversation with the bot, and a lifecycle timer its state does not want, due at t0. */
async function setUp(store: Store, clock: () => Date) {
  const writer = new ConversationWriter({
    store,
    bus: createInProcessBus(),
    clock,
    policy: POLICY,
  });
  await writer.create({
    id: 'c1',
    channel: 'web',
    customer: {},
    language: 'en',
    tokenHash: 'h',
    now: t0,
    events: [eventOf('conversation.created', { type: 'customer' }, { channel: 'web' })],
  });
  await store.timers.schedule('c1', { kind: BOT_SURVEY_TIMER, dueAt: t0 }, t0);
  return writer;
}

const statusOf = async (store: Store) =>
  (await store.db.selectFrom('timers').select('status').executeTakeFirstOrThrow()).status;

describe.each(TEST_DATABASES)('a fired lifecycle timer on $name', (database) => {
  const fresh = useFreshStore(database);
  afterEach(() => vi.restoreAllMocks());

  it('is not completed when its reconcile fails, and fires again after the lease', async () => {
    const { store } = fresh;
    let now = later;
    const writer = await setUp(store, () => now);
    const fired: string[] = [];
    let failing = true;
    const runner = new TimerRunner({
      store,
      clock: () => now,
      intervalMs: 60_000,
      leaseMs: 30_000,
      handlers: { [BOT_SURVEY_TIMER]: (timer) => Promise.resolve(void fired.push(timer.id)) },
      reconcile: (id, timer) =>
        failing ? Promise.reject(new Error('store down')) : writer.reconcile(id, timer),
      log: quiet,
    });
    await runner.tick();
    expect(await statusOf(store)).toBe('claimed');
    now = new Date(later.getTime() + 31_000);
    failing = false;
    await runner.tick();
    expect(fired).toHaveLength(2);
    expect(await statusOf(store)).toBe('done');
    expect(await store.timers.pendingFor('c1')).toEqual([]);
  });
});

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')!;

// PostgreSQL only: SQLite sends no statements over a wire to count.
describe.skipIf(postgres.skipReason)('a fired lifecycle timer on PostgreSQL', () => {
  const fresh = useFreshStore(postgres);
  afterEach(() => vi.restoreAllMocks());

  it('costs no statement of its own on PostgreSQL: claim, then the reconcile commit', async () => {
    const { store } = fresh;
    const writer = await setUp(store, () => later);
    const runner = new TimerRunner({
      store,
      clock: () => later,
      intervalMs: 60_000,
      leaseMs: 30_000,
      handlers: { [BOT_SURVEY_TIMER]: () => Promise.resolve() },
      reconcile: (id, timer) => writer.reconcile(id, timer),
      log: quiet,
    });
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      if (typeof args[0] === 'string') statements.push(args[0]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    await runner.tick();
    vi.restoreAllMocks();
    expect(statements.map((s) => s.split(' ')[0]!.toLowerCase())).toEqual([
      'update', // the claim
      'begin',
      'with', // the conversation's conditional UPDATE and the timer's completion
      'select', // the pending lifecycle timers, the fired one already done
      'update', // the lifecycle the commit advanced
      'commit',
    ]);
    expect(await statusOf(store)).toBe('done');
  });
});
