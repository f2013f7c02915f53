/**
 * The compaction window's lease (migration 029), on every engine: a table waits for its
 * window, one node of two sharing the database claims it and the other gets nothing until the
 * lease lapses; a rewrite settles it unless it was erased from again meanwhile.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const erasedAt = new Date('2026-03-01T10:00:00.000Z');
const window = new Date('2026-03-02T03:30:00.000Z');
const nextWindow = new Date('2026-03-03T03:30:00.000Z');
const LEASE_MS = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe.each(TEST_DATABASES)('compaction window lease on $name', (database) => {
  let opened: OpenedTestStore;
  let other: Store;
  beforeEach(async (ctx) => {
    if (database.skipReason) ctx.skip();
    opened = await database.open();
    // A second node: its own connections to the same database.
    other = createStore({ url: opened.url, ...(opened.schema ? { schema: opened.schema } : {}) });
  });
  afterEach(async () => {
    await other?.close();
    await opened?.cleanup();
  });

  it('one node claims a table when its window comes; the other only after the lease', async () => {
    const node = opened.store.compaction;
    expect(await node.record(['events', 'conversations'], erasedAt, window)).toEqual(window);
    expect(await node.claim(at(window, -1), LEASE_MS, true)).toEqual([]);
    const [first, second] = await Promise.all([
      node.claim(window, LEASE_MS, true),
      other.compaction.claim(window, LEASE_MS, true),
    ]);
    const claimed = [...first, ...second].map((p) => p.table).sort();
    expect(claimed).toEqual(['conversations', 'events']);
    expect(first.length === 0 || second.length === 0).toBe(true);
    expect(await other.compaction.claim(at(window, 1_000), LEASE_MS, false)).toEqual([]);
    const lapsed = await other.compaction.claim(at(window, LEASE_MS + 1), LEASE_MS, true);
    expect(lapsed.map((p) => p.table)).toEqual(['conversations', 'events']);
  });

  it('a rewrite settles a table unless it was erased from since it began', async () => {
    const node = opened.store.compaction;
    await node.record(['events', 'conversations'], erasedAt, window);
    await node.claim(window, LEASE_MS, true);
    const startedAt = at(window, 1);
    // Erased from again while `events` was being rewritten: its window moves on.
    await other.compaction.record(['events'], at(window, 2), nextWindow);
    await node.settle('conversations', startedAt, nextWindow);
    await node.settle('events', startedAt, nextWindow);
    const pending = await node.pending();
    expect(pending).toEqual([
      expect.objectContaining({ table: 'events', dueAt: nextWindow.toISOString(), attempts: 0 }),
    ]);
    await node.claim(nextWindow, LEASE_MS, true);
    await node.postpone('events', at(nextWindow, 86_400_000), 'lock-timeout');
    expect(await node.pending()).toEqual([
      expect.objectContaining({ table: 'events', attempts: 1, lastOutcome: 'lock-timeout' }),
    ]);
  });
});
