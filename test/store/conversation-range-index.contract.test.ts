/**
 * The conversations started in a range (analytics, its CSV exports, the staffing forecast) are
 * read through conversations_created_idx (migration 030) on every engine, not by a scan of
 * every conversation stored: on a year of demo traffic (21,663 conversations) the scan read
 * them all for the 365 of the dashboard's week.
 */
import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { conversationsStartedBetween } from '../../src/store/conversation-reads.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const WEEK = {
  from: new Date(Date.UTC(2026, 11, 1)),
  to: new Date(Date.UTC(2026, 11, 8)),
};

describe.each(TEST_DATABASES)('conversations started in a range on $name', (database) => {
  const fresh = useFreshStore(database);

  it('are found through the index on their start', async () => {
    const { db, engine } = fresh.store;
    if (engine === 'sqlite') {
      const query = conversationsStartedBetween(db, WEEK.from, WEEK.to, 20_000).compile();
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toMatch(/SEARCH conversations USING INDEX conversations_created_idx/);
      expect(details).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      return;
    }
    // A test table is a few pages, which PostgreSQL reads whole whatever the indexes: with
    // sequential scans priced out, the plan shows whether an index can answer the query.
    const details = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = await conversationsStartedBetween(trx, WEEK.from, WEEK.to, 20_000).explain<{
        'QUERY PLAN': string;
      }>();
      return plan.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(details).toMatch(/Index Scan using conversations_created_idx on conversations/);
    expect(details).not.toMatch(/Seq Scan/);
  });
});
