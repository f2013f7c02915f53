/**
 * A PostgreSQL commit's writes after its UPDATE go in one statement (src/store/combined-writes.ts):
 * the parameters of each part are renumbered after the ones before, and a commit that appends
 * an event, changes the lifecycle and cancels and schedules timers makes five statements
 * (begin, the update, the pending timers, the writes, commit) with everything stored.
 */
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messageCreated } from '../../src/core/conversation/conversation-events.ts';
import { EMPTY_LIFECYCLE } from '../../src/core/conversation/lifecycle.ts';
import { combinedWrites } from '../../src/store/combined-writes.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')!;
const now = new Date('2026-12-07T10:00:00.000Z');

describe('combinedWrites', () => {
  it('makes one statement of several, each part keeping its own parameters', () => {
    const combined = combinedWrites([
      CompiledQuery.raw('update a set x = $1 where id = $2', [1, 'a']),
      CompiledQuery.raw('update b set y = $1', [2]),
      CompiledQuery.raw('insert into c values ($1, $2)', [3, 'c']),
    ]);
    expect(combined?.sql).toBe(
      'with w0 as (update a set x = $1 where id = $2), w1 as (update b set y = $3) ' +
        'insert into c values ($4, $5)',
    );
    expect(combined?.parameters).toEqual([1, 'a', 2, 3, 'c']);
  });

  it('leaves one statement as it is, and none as nothing', () => {
    const one = CompiledQuery.raw('update a set x = $1', [1]);
    expect(combinedWrites([one])).toBe(one);
    expect(combinedWrites([])).toBeUndefined();
  });
});

describe.skipIf(postgres.skipReason)('a commit on PostgreSQL', () => {
  let opened: OpenedTestStore;
  beforeEach(async () => {
    opened = await postgres.open();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await opened.cleanup();
  });

  it('writes its events, lifecycle and timers in one statement after the update', async () => {
    const { store } = opened;
    await store.conversations.create({
      id: 'c1',
      channel: 'web',
      customer: { id: 'u1' },
      language: 'en',
      tokenHash: 'h',
      events: [],
      now,
    });
    const dueAt = new Date('2026-12-07T10:05:00.000Z');
    await store.conversations.commit({
      conversationId: 'c1',
      events: [],
      derive: () => ({
        lifecycle: { ...EMPTY_LIFECYCLE, status: 'bot' },
        cancelIds: [],
        schedule: [{ kind: 'sla.first_response', dueAt, data: {} }],
      }),
      now,
    });
    const [old] = await store.db.selectFrom('timers').select('id').execute();
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      if (typeof args[0] === 'string') statements.push(args[0]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
    const result = await store.conversations.commit({
      conversationId: 'c1',
      events: [messageCreated({ type: 'customer' }, { text: 'Hi' })],
      derive: () => ({
        lifecycle: { ...EMPTY_LIFECYCLE, status: 'bot', customerAwaySince: now.toISOString() },
        cancelIds: [old!.id],
        schedule: [{ kind: 'customer.inactivity', dueAt, data: { n: 1 } }],
      }),
      now,
    });
    vi.restoreAllMocks();
    expect(result.ok).toBe(true);
    expect(statements.map((s) => s.split(' ')[0]!.toLowerCase())).toEqual([
      'begin',
      'update',
      'select',
      'with',
      'commit',
    ]);
    const events = await store.conversations.eventsSince('c1', 0);
    expect(events.map((e) => [e.seq, e.type, e.data.text])).toEqual([[1, 'message.created', 'Hi']]);
    const row = await store.db
      .selectFrom('conversations')
      .select('lifecycle')
      .where('id', '=', 'c1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.lifecycle!).customerAwaySince).toBe(now.toISOString());
    const timers = await store.db
      .selectFrom('timers')
      .select(['id', 'kind', 'status', 'data'])
      .orderBy(sql`status`)
      .execute();
    expect(timers.map((t) => [t.kind, t.status, JSON.parse(t.data)])).toEqual([
      ['sla.first_response', 'cancelled', {}],
      ['customer.inactivity', 'pending', { n: 1 }],
    ]);
  });
});
