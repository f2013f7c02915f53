/**
 * The dashboards' reads go through indexes on every engine, not a scan of everything stored:
 * the conversations started in a range (analytics, its CSV exports, the staffing forecast)
 * through conversations_created_idx (migration 030), and the supervisor overview's SLA
 * breaches through the events' primary key, by the ids of the conversations changed today or
 * still open. On a year of demo traffic on PostgreSQL (21,663 conversations, 171,972 events)
 * the first read every conversation for the 365 of the dashboard's week, the second every event
 * for 6 breaches.
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
async function planOf(store: Store, query: (db: Store['db']) => Compilable): Promise<string> {
  const { db } = store;
  if (store.engine === 'sqlite') {
    const compiled = query(db).compile();
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const compiled = query(trx).compile();
    const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
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
});
