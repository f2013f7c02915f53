/**
 * The dashboards' reads go through indexes on every engine, not a scan of everything stored:
 * the conversations started in a range (analytics, its CSV exports, the staffing forecast)
 * through conversations_created_idx (migration 030), and the supervisor overview's SLA
 * breaches through the events' primary key, by the ids of the conversations changed today or
 * still open, those conversations found through conversations_status_idx and
 * conversations_updated_idx (migration 031). On a year of demo traffic on PostgreSQL (21,663
 * conversations, 171,972 events) the first read every conversation for the 365 of the
 * dashboard's week, the second every event for 6 breaches.
 */
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { breachesToShow } from '../../src/app/routing/supervisor-snapshot.ts';
import { conversationsStartedBetween } from '../../src/store/conversation-reads.ts';
import type { Store } from '../../src/store/store.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const WEEK = {
  from: new Date(Date.UTC(2026, 11, 1)),
  to: new Date(Date.UTC(2026, 11, 8)),
};
const TODAY = '2026-12-07T00:00:00.000Z';

/**
 * The engine's plan of a query, as text. PostgreSQL reads a test's few pages whole whatever the
 * indexes: with sequential scans priced out, the plan shows whether an index can answer.
 */
async function planOf(
  store: Store,
  query: (db: Store['db']) => Compilable,
  { scansAllowed = false } = {},
): Promise<string> {
  const { db } = store;
  if (store.engine === 'sqlite') {
    const compiled = query(db).compile();
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    if (!scansAllowed) await sql`set local enable_seqscan = off`.execute(trx);
    const compiled = query(trx).compile();
    const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/**
 * A year of conversations as the tables hold them (6,000, one in ten with an SLA breach, a few
 * open and a few changed today), analysed so that each planner prices its real choices.
 */
async function storeAYear(store: Store): Promise<void> {
  const today = Date.parse(TODAY);
  const conversations = Array.from({ length: 6000 }, (_, i) => {
    const created = new Date(today - (i + 1) * 90 * 60_000).toISOString();
    const updated = i % 400 === 1 ? new Date(today + 60_000).toISOString() : created;
    return {
      id: `c_${i}`,
      channel: 'web',
      status: i % 600 === 0 ? 'queued' : 'resolved',
      customer: '{}',
      token_hash: `h_${i}`,
      last_seq: 2,
      created_at: created,
      updated_at: updated,
    };
  });
  const events = conversations.flatMap((c, i) => [
    { conversation_id: c.id, seq: 1, type: 'conversation.created', created_at: c.created_at },
    {
      conversation_id: c.id,
      seq: 2,
      type: i % 10 === 0 ? 'conversation.sla_breached' : 'conversation.resolved',
      created_at: c.updated_at,
    },
  ]);
  for (let i = 0; i < conversations.length; i += 500) {
    await store.db
      .insertInto('conversations')
      .values(conversations.slice(i, i + 500))
      .execute();
    await store.db
      .insertInto('events')
      .values(
        events.slice(2 * i, 2 * i + 1000).map((e) => ({ ...e, actor_type: 'system', data: '{}' })),
      )
      .execute();
  }
  await sql`analyze`.execute(store.db);
}

describe.each(TEST_DATABASES)('the dashboards’ reads on $name', (database) => {
  const fresh = useFreshStore(database);

  it('find the conversations started in a range through the index on their start', async () => {
    const plan = await planOf(fresh.store, (db) =>
      conversationsStartedBetween(db, WEEK.from, WEEK.to, 20_000),
    );
    if (fresh.store.engine === 'sqlite') {
      expect(plan).toMatch(/SEARCH conversations USING INDEX conversations_created_idx/);
      expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    } else {
      expect(plan).toMatch(/Index Scan using conversations_created_idx on conversations/);
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });

  it('look up the SLA breaches by conversation, not among every event', async () => {
    const plan = await planOf(fresh.store, (db) => breachesToShow(db, TODAY));
    expect(plan).not.toMatch(
      fresh.store.engine === 'sqlite' ? /SCAN events/ : /Seq Scan on events/,
    );
  });

  it('find the conversations changed today or still open through indexes, not a scan of them all', async () => {
    await storeAYear(fresh.store);
    // The planners' own choice on a sizable, analysed table (no scan priced out): the open ones
    // through conversations_status_idx, the changed ones through conversations_updated_idx
    // (migration 031).
    const plan = await planOf(fresh.store, (db) => breachesToShow(db, TODAY), {
      scansAllowed: true,
    });
    expect(plan).toMatch(/conversations_updated_idx/);
    expect(plan).toMatch(/conversations_status_idx/);
    expect(plan).not.toMatch(
      fresh.store.engine === 'sqlite' ? /SCAN conversations/ : /Seq Scan on conversations/,
    );
  });
});
