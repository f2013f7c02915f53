/**
 * Full-text search over the messages' text (migrations/025, store/message-search.ts) on every
 * engine: every word of one message in any order, letter case and accents folded, the last
 * word a prefix, quotes and query operators taken as text, pages of a search, an erased
 * conversation's words gone from the index (SQLite: from the FTS5 shadow tables; PostgreSQL:
 * from the GIN index's pages), messages written before the migration found after it, and the
 * index answering the query rather than a scan of every message.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { conversationsWithWords, fts5Query, searchWords } from '../../src/store/message-search.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute));

describe('search words', () => {
  it('splits on anything but letters and digits, and quotes every word for FTS5', () => {
    expect(searchWords(' "Refund" OR  NEAR(parcel*) -São_Paulo ana@example.com ')).toEqual([
      'Refund',
      'OR',
      'NEAR',
      'parcel',
      'São',
      'Paulo',
      'ana',
      'example',
      'com',
    ]);
    expect(searchWords('%_*"-')).toEqual([]);
    expect(fts5Query(['OR', 'refu'])).toBe('"OR" "refu"*');
  });
});

describe.each(TEST_DATABASES)('message search on $name', (database) => {
  const fresh = useFreshStore(database);
  let minute = 0;
  beforeEach(async () => {
    minute = 0;
  });

  /** A conversation whose customer wrote these messages, each a commit of its own. */
  async function conversation(id: string, ...texts: string[]): Promise<void> {
    const { store } = fresh;
    minute += 1;
    await store.conversations.create({
      id,
      channel: 'api',
      customer: { id: `cust-${id}`, name: 'Sam Example' },
      language: 'en',
      tokenHash: `h-${id}`,
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'api' } },
      ],
      now: at(minute),
    });
    for (const text of texts) {
      const done = await store.conversations.commit({
        conversationId: id,
        events: [
          {
            type: 'message.created',
            actor: { type: 'customer' },
            data: { from: 'customer', text },
          },
        ],
        now: at(minute),
      });
      expect(done.ok).toBe(true);
    }
  }

  const page = (text: string, limit = 50, after: { updatedAt: string; id: string } | null = null) =>
    fresh.store.history.search({
      status: 'all',
      visibleTo: null,
      assignee: null,
      text,
      ids: null,
      after,
      limit,
    });
  const found = async (text: string) => (await page(text)).map((c) => c.id).sort();

  async function threeConversations() {
    await conversation('c_parcel', 'My parcel never arrived at the house');
    await conversation(
      'c_refund',
      'I would like a refund for the broken Café machine',
      'Our office is in São Paulo',
    );
    await conversation('c_split', 'The parcel came', 'but it is broken');
  }

  it('indexes off the message path, and a search still finds a message stored just before', async () => {
    const { db } = fresh.store;
    const pending = async () =>
      database.name === 'sqlite'
        ? (await sql<{ n: number }>`select count(*) as n from message_search_pending`.execute(db))
            .rows[0]?.n
        : 0;
    await conversation('c_fresh', 'A kettle that whistles twice', 'and a teapot');
    // SQLite: noted for the index, not yet in it (migration 026); PostgreSQL has no list.
    expect(await pending()).toBe(database.name === 'sqlite' ? 2 : 0);
    expect(await found('whistles kettle')).toEqual(['c_fresh']);
    expect(await pending()).toBe(0);
    // Erased while still waiting for the index: off the list, never in the index.
    await conversation('c_waiting', 'A zeppelinite lamp');
    expect((await fresh.store.erasure.erase(['c_waiting'])).erased).toBe(1);
    expect(await pending()).toBe(0);
    expect(await found('zeppelinite')).toEqual([]);
    await fresh.store.history.catchUpSearch();
    expect(await found('teapot')).toEqual(['c_fresh']);
  });

  it('finds every word of one message in any order, whatever the letter case and accents', async () => {
    await threeConversations();
    expect(await found('house parcel arrived')).toEqual(['c_parcel']);
    expect(await found('ARRIVED Never')).toEqual(['c_parcel']);
    expect(await found('cafe BROKEN')).toEqual(['c_refund']);
    expect(await found('sao paulo')).toEqual(['c_refund']);
    expect(await found('SÃO')).toEqual(['c_refund']);
    expect(await found('parcel')).toEqual(['c_parcel', 'c_split']);
    // The words must meet in one message: c_split has them in two.
    expect(await found('parcel broken')).toEqual([]);
    expect(await found('parcel elephant')).toEqual([]);
  });

  it('takes the last word as a prefix (word forms) and the others whole', async () => {
    await threeConversations();
    await conversation('c_refunded', 'Your order was refunded yesterday');
    await conversation('c_german', 'Wann kommt meine Rückerstattung?');
    expect(await found('refu')).toEqual(['c_refund', 'c_refunded']);
    expect(await found('refund')).toEqual(['c_refund', 'c_refunded']);
    expect(await found('yesterday refund')).toEqual(['c_refunded']);
    expect(await found('ruckerst')).toEqual(['c_german']);
    expect(await found('meine rück')).toEqual(['c_german']);
    // Only the last word is a prefix: "refu" before another word must be whole.
    expect(await found('refu broken')).toEqual([]);
    expect(await found('refunded')).toEqual(['c_refunded']);
  });

  it('takes quotes and query operators as text: no error, matched literally', async () => {
    await threeConversations();
    await conversation('c_ops', 'Is the store NEAR me open, or not?');
    // As query syntax each of these would find c_refund or c_parcel, or fail to parse.
    for (const query of [
      'refund OR parcel',
      'refund | parcel',
      'NEAR(refund parcel)',
      'refund NOT parcel',
      'refund & !parcel',
      'refund <-> parcel',
      'refund AND parcel',
    ])
      expect(await found(query), query).toEqual([]);
    for (const query of [
      '"refund"',
      'refund"',
      '"refund',
      '-refund',
      'refund*',
      "'refund'",
      'refund:*',
      '!refund',
      '(refund)',
    ])
      expect(await found(query), query).toEqual(['c_refund']);
    expect(await found('NEAR')).toEqual(['c_ops']);
    expect(await found('open OR')).toEqual(['c_ops']);
    expect(await found('not? me store')).toEqual(['c_ops']);
    // Nothing but punctuation, or any text at all: never an error.
    for (const query of ['"', '*', '-', '""', '" OR "', 'NEAR/', ':*', '\\', '\u0000', '🙂'])
      await expect(page(query), query).resolves.toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc
            .array(
              fc.constantFrom(
                '"',
                '*',
                'NEAR',
                'OR',
                'AND',
                'NOT',
                '-',
                '^',
                ':',
                '(',
                ')',
                '&',
                '|',
                '!',
                '<->',
                "'",
                'refu',
                'parcel',
                '\\',
                ' ',
              ),
            )
            .map((parts) => parts.join('')),
        ),
        async (query) => {
          await page(query);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pages through a search newest first, without repeats or gaps', async () => {
    for (let i = 0; i < 5; i++) await conversation(`c_invoice_${i}`, `invoice ${i} is wrong`);
    await conversation('c_other', 'nothing to see');
    const everything = (await page('wrong invoice')).map((c) => c.id);
    expect(everything).toEqual([
      'c_invoice_4',
      'c_invoice_3',
      'c_invoice_2',
      'c_invoice_1',
      'c_invoice_0',
    ]);
    const paged: string[] = [];
    let after: { updatedAt: string; id: string } | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const rows = await page('wrong invoice', 2, after);
      const shown = rows.slice(0, 2);
      paged.push(...shown.map((c) => c.id));
      const last = shown.at(-1);
      if (rows.length <= 2 || !last) break;
      after = { updatedAt: last.updatedAt, id: last.id };
    }
    expect(paged).toEqual(everything);
  });

  it("forgets an erased conversation's words: not found, and not in the index", async () => {
    // Words that sort between each other's (word0000 erased, word0001 kept …), enough that
    // the index spans pages: FTS5 names each page by its first word in message_search_idx,
    // apart from the page itself, and some of those words are the erased conversation's.
    const words = Array.from({ length: 4000 }, (_, i) => `word${String(i).padStart(4, '0')}`);
    const erased = words.filter((_, i) => i % 2 === 0);
    await conversation('c_erased', `zanzibarite quokka ${erased.join(' ')}`);
    await conversation('c_kept', `quokka habitat ${words.filter((_, i) => i % 2 === 1).join(' ')}`);
    // One segment for both, as FTS5's merges make of a store in use over time (a segment
    // that held only erased words would simply be dropped).
    if (database.name === 'sqlite')
      await sql`insert into message_search (message_search) values ('optimize')`.execute(
        fresh.store.db,
      );
    expect(await found('zanzibarite')).toEqual(['c_erased']);
    const before = await wordsInIndex(['zanzibarite', ...erased]);
    expect(before).toContain('zanzibarite');
    // Leaves keep words prefix-compressed; page names and GIN keys are whole words.
    expect(before.length).toBeGreaterThan(1);

    expect((await fresh.store.erasure.erase(['c_erased'])).erased).toBe(1);
    await fresh.store.erasure.wipe();
    expect(await found('zanzibarite')).toEqual([]);
    expect(await found('word0124')).toEqual([]);
    expect(await found('word0125')).toEqual(['c_kept']);
    expect(await found('quokka')).toEqual(['c_kept']);
    expect(await wordsInIndex(['zanzibarite', ...erased])).toEqual([]);
    expect(await wordsInIndex(['habitat', 'word0125'])).not.toEqual([]);
  });

  /**
   * Which of these words the index's own storage still holds, in any form: SQLite's FTS5
   * shadow tables (message_search_data, _idx, _docsize, _config), PostgreSQL's GIN pages.
   */
  async function wordsInIndex(words: readonly string[]): Promise<string[]> {
    const { db } = fresh.store;
    const cells: Buffer[] = [];
    if (database.name === 'sqlite') {
      const tables = await sql<{ name: string }>`select name from sqlite_master
        where type = 'table' and name like 'message_search_%'`.execute(db);
      expect(tables.rows.map((t) => t.name).sort()).toEqual([
        'message_search_config',
        'message_search_data',
        'message_search_docsize',
        'message_search_idx',
        // Rowids of messages not yet indexed (migration 026): numbers, no words.
        'message_search_pending',
      ]);
      for (const { name } of tables.rows) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
          db,
        );
        for (const row of rows.rows)
          for (const value of Object.values(row))
            if (value !== null)
              cells.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value)));
      }
    } else {
      await sql`create extension if not exists pageinspect`.execute(db);
      const pages = await sql<{
        page: Buffer;
      }>`select get_raw_page('events_message_search_idx', n) as page
        from generate_series(0, (pg_relation_size('events_message_search_idx') / 8192)::int - 1) as n`.execute(
        db,
      );
      cells.push(...pages.rows.map((r) => r.page));
    }
    return words.filter((w) => cells.some((cell) => cell.includes(w)));
  }

  it('finds the messages written before the migration', async () => {
    const migrator = await createMigrator(fresh.store.db, fresh.store.engine);
    const down = await migrator.migrateTo('024-agent-totp');
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toEqual([
      '032-contact-notes',
      '031-conversation-updated-index',
      '030-conversation-created-index',
      '029-compaction-pending',
      '028-agent-avatars',
      '027-agent-voice-line',
      '026-message-search-pending',
      '025-message-search',
    ]);
    await threeConversations();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await found('arrived parcel')).toEqual(['c_parcel']);
    await conversation('c_after', 'a parcel arrived late');
    expect(await found('arrived parcel')).toEqual(['c_after', 'c_parcel']);
  });

  it('asks the index, not every message', async () => {
    const words = conversationsWithWords(fresh.store.engine, ['parcel']);
    if (database.name === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan ${words}`.execute(
        fresh.store.db,
      );
      const details = plan.rows.map((r) => r.detail);
      expect(
        details.some((d) => /VIRTUAL TABLE INDEX/.test(d)),
        details.join('\n'),
      ).toBe(true);
      expect(
        details.some((d) => /^SCAN events/.test(d)),
        details.join('\n'),
      ).toBe(false);
      return;
    }
    // The table is small, so a scan would be cheapest; forbid it to see that the index fits.
    const plan = await fresh.store.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain ${words}`.execute(trx);
    });
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('Bitmap Index Scan on events_message_search_idx');
  });

  // SQLite: the index is keyed by the events' rowids, which a VACUUM must keep; PostgreSQL:
  // the GIN index is rebuilt by the wipe (VACUUM FULL of events). Either way the words still
  // find their conversations.
  it("keeps the index's keys through a VACUUM (rowids of the events stay)", async () => {
    await conversation('c_first', 'alpha message');
    await conversation('c_gone', 'beta message', 'another beta');
    await conversation('c_last', 'gamma message');
    expect((await fresh.store.erasure.erase(['c_gone'])).erased).toBe(1);
    await fresh.store.erasure.wipe({ vacuum: true });
    expect(await found('gamma')).toEqual(['c_last']);
    expect(await found('alpha')).toEqual(['c_first']);
    expect(await found('beta')).toEqual([]);
    expect(await found('message')).toEqual(['c_first', 'c_last']);
    await conversation('c_new', 'delta message');
    expect(await found('delta')).toEqual(['c_new']);
    expect(await found('gamma')).toEqual(['c_last']);
  });
});
