/**
 * Measured handle times on both engines: the cache learns each handling as it ends (from the
 * bus), keeps the configured prior below five samples, and a fresh cache (a restart) loads
 * the same figure from the event log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { HandleTimeCache } from '../../src/app/conversations/handle-time-cache.ts';
import type { NewEvent } from '../../src/core/records.ts';
import type { Store } from '../../src/store/store.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { handedOverData } from '../helpers/event-data.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('measured handle times ($name)', (db) => {
  let opened: OpenedTestStore;
  let store: Store;
  const bus = createInProcessBus();
  const errors: unknown[] = [];
  beforeAll(async () => {
    opened = await db.open();
    store = opened.store;
  });
  afterAll(async () => {
    await bus.close();
    await opened?.cleanup();
  });

  const t0 = Date.UTC(2026, 2, 10, 9, 0);
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  let n = 0;

  /** A conversation handed to `queue`, taken at `start`, resolved `minutes` later. */
  async function handled(queue: string, start: number, minutes: number): Promise<void> {
    const id = `c_handle_${db.name}_${n++}`;
    await store.conversations.create({
      id,
      channel: 'web',
      customer: {},
      language: 'en',
      tokenHash: 'x',
      now: at(start - 1),
      events: [
        { type: 'conversation.created', actor: { type: 'customer' }, data: { channel: 'web' } },
      ],
    });
    const step = async (now: Date, changes: object, event: NewEvent) => {
      const result = await store.conversations.commit({
        conversationId: id,
        changes,
        events: [event],
        now,
      });
      if (!result.ok) throw new Error(result.reason);
      bus.publish(result);
    };
    const system = { type: 'system' as const };
    await step(
      at(start - 1),
      { status: 'queued', queue },
      {
        type: 'conversation.handed_over',
        actor: { type: 'bot' },
        data: handedOverData(queue),
      },
    );
    await step(
      at(start),
      { status: 'assigned' },
      {
        type: 'conversation.assigned',
        actor: system,
        data: { agentId: 'a1', agentName: 'Ada' },
      },
    );
    await step(
      at(start + minutes),
      { status: 'resolved', resolvedAt: at(start + minutes).toISOString() },
      {
        type: 'conversation.resolved',
        actor: system,
        data: { by: 'a1' },
      },
    );
  }

  it('uses the prior until five handlings ended, then their mean; a restart reads the log', async () => {
    const cache = new HandleTimeCache(store, bus, 6, (e) => errors.push(e));
    expect(await cache.minutesFor('billing')).toBe(6);
    for (let i = 0; i < 4; i++) await handled('billing', 10 * i, 20);
    await until(() => (cache.sampleCount('billing') === 4 ? true : undefined));
    expect(await cache.minutesFor('billing')).toBe(6);
    await handled('billing', 60, 25);
    await until(() => (cache.sampleCount('billing') === 5 ? true : undefined));
    expect(await cache.minutesFor('billing')).toBe(21);
    // Another queue has its own figure (still the prior).
    expect(await cache.minutesFor('technical')).toBe(6);
    cache.close();

    const restarted = new HandleTimeCache(store, bus, 6, (e) => errors.push(e));
    expect(await restarted.minutesFor('billing')).toBe(21);
    restarted.close();
    expect(errors).toEqual([]);
  });
});
