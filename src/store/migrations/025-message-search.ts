/**
 * Full-text search over what was written in conversations (the `text` of `message.created`
 * events), for the inbox's history search (store/message-search.ts asks it).
 *
 * SQLite: `message_search`, a contentless FTS5 table keyed by the event row's rowid. Triggers
 * on `events` keep it in step with every insert (whichever code path writes) and delete, so
 * an erased conversation is not found from the erasure's own transaction on. FTS5 deletes by
 * writing delete markers (its `secure-delete` option rewrites the leaves in place, but the
 * words that name the index's pages stay), so erasure's wipe then rewrites the index as one
 * new segment without the erased words (erasure-repository.ts). Contentless, so the text is
 * stored once (in `events`); the events table has indexes, and SQLite's VACUUM keeps the
 * rowids of such a table, so the keys survive the full VACUUM `baton erase` runs
 * (test/store/message-search.contract.test.ts holds this).
 *
 * PostgreSQL: a GIN expression index over the events' text as a `tsvector`, partial to
 * `message.created`; erasure's wipe rebuilds it.
 *
 * One configuration for every conversation, PostgreSQL's `simple` (no stemming, no stop
 * words), not the conversation's language: a conversation mixes languages (a Spanish customer,
 * an English agent, English bot phrases), the language is not known for every conversation
 * (null until detected), and a stemmer or stop words of the wrong language silently drop or
 * merge words: PostgreSQL's `english` drops "no" (Spanish and Portuguese write it), `spanish`
 * drops "para", `german` drops "die", and a search for a dropped word finds nothing at all.
 * SQLite's FTS5 has no stemmer for es/de/fr/pt anyway; with `simple` both engines find the
 * same words. Word forms come from prefix matching instead (the last word typed is a prefix:
 * "refund" finds "refunds" and "refunded"). Both fold letter case and the accents of
 * es/de/fr/pt letters, so "cafe" finds "Café" and "sao" finds "São": FTS5's
 * `unicode61 remove_diacritics 2` does it in SQLite, `baton_search_fold` (translate, no
 * extension needed) in PostgreSQL.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The SQLite tokenizer: letters and digits make words; case and diacritics are folded. */
const TOKENIZER = 'unicode61 remove_diacritics 2';

/**
 * Letters of Latin-1 and Latin Extended-A that are an ASCII letter with accents (canonical
 * decompositions never change, so this list is fixed), and what they fold to.
 */
const ACCENTED = Array.from({ length: 0x180 - 0xc0 }, (_, i) => String.fromCodePoint(0xc0 + i))
  .filter((c) => /^[A-Za-z]\p{M}+$/u.test(c.normalize('NFD')))
  .join('');
const UNACCENTED = [...ACCENTED].map((c) => c.normalize('NFD')[0]!.toLowerCase()).join('');
// Characters PostgreSQL's parser would glue words with (emails, hosts, paths, hyphenated
// words, version numbers) become spaces, so words split as FTS5 splits them.
const JOINERS = '@.-_/\\:+~<>&=?#%';

/**
 * The triggers that keep the index in step with `events`, each message indexed in the commit
 * that stores it. Migration 026 replaces them (indexing in batches) and its `down` puts these
 * back, so they are named here once.
 */
export async function createIndexTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create trigger message_search_insert after insert on events
       when new.type = 'message.created' and json_type(new.data, '$.text') = 'text'
       begin
         insert into message_search (rowid, text) values (new.rowid, json_extract(new.data, '$.text'));
       end`,
    )
    .execute(db);
  // Contentless: a delete names the words it removes, which are the event's (never changed).
  await sql
    .raw(
      `create trigger message_search_delete after delete on events
       when old.type = 'message.created' and json_type(old.data, '$.text') = 'text'
       begin
         insert into message_search (message_search, rowid, text)
           values ('delete', old.rowid, json_extract(old.data, '$.text'));
       end`,
    )
    .execute(db);
  // Events are an append-only log; should a row ever change, the index follows it.
  await sql
    .raw(
      `create trigger message_search_update after update of data, type on events
       begin
         insert into message_search (message_search, rowid, text)
           select 'delete', old.rowid, json_extract(old.data, '$.text')
           where old.type = 'message.created' and json_type(old.data, '$.text') = 'text';
         insert into message_search (rowid, text)
           select new.rowid, json_extract(new.data, '$.text')
           where new.type = 'message.created' and json_type(new.data, '$.text') = 'text';
       end`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return upPostgres(db);
  await sql`create virtual table message_search using fts5(text, content = '', tokenize = ${sql.lit(TOKENIZER)})`.execute(
    db,
  );
  await createIndexTriggers(db);
  await sql
    .raw(
      `insert into message_search (rowid, text)
       select rowid, json_extract(data, '$.text') from events
       where type = 'message.created' and json_type(data, '$.text') = 'text'`,
    )
    .execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const from = sql.lit(ACCENTED + JOINERS);
  const to = sql.lit(UNACCENTED + ' '.repeat(JOINERS.length));
  // Immutable SQL functions, so PostgreSQL inlines them and the query's expression matches
  // the index's. A JSON text escape `\u0000` is valid JSON that jsonb refuses; such a row
  // (no real message holds a NUL) is left out of the index rather than failing its insert.
  await sql`create function baton_search_fold(value text) returns text
    language sql immutable strict parallel safe
    as $$ select translate(lower(value), ${from}, ${to}) $$`.execute(db);
  await sql`create function baton_message_vector(data text) returns tsvector
    language sql immutable parallel safe
    as $$ select to_tsvector('simple'::regconfig, baton_search_fold(
      case when strpos(data, '\\u0000') = 0 then data::jsonb ->> 'text' end)) $$`.execute(db);
  // The words as one query: each word literally (plainto_tsquery has no operators), all of
  // them required, in any order; the last one a prefix (`:*`) as it may be half typed.
  await sql`create function baton_search_query(words text) returns tsquery
    language sql immutable strict parallel safe
    as $$ select case when numnode(q) = 0 then q else (q::text || ':*')::tsquery end
      from plainto_tsquery('simple'::regconfig, baton_search_fold(words)) as q $$`.execute(db);
  // Building the index reads every message once (the backfill).
  await sql`create index events_message_search_idx on events
    using gin (baton_message_vector(data)) where type = 'message.created'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index events_message_search_idx`.execute(db);
    await sql`drop function baton_search_query(text)`.execute(db);
    await sql`drop function baton_message_vector(text)`.execute(db);
    await sql`drop function baton_search_fold(text)`.execute(db);
    return;
  }
  for (const trigger of ['message_search_update', 'message_search_delete', 'message_search_insert'])
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`drop table message_search`.execute(db);
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
