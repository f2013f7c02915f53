/**
 * SQLite's message search index is filled in batches, off the message path. Migration 025's
 * insert trigger wrote each message into the FTS5 index inside the commit that stored it: the
 * bench's message path paid about 90 µs more CPU per message (408 → 512 µs, docs/bench.md). Now
 * the trigger only notes the new event's rowid in `message_search_pending`, and
 * `catchUpMessageSearch` (message-search.ts) moves the pending messages into the index in one
 * transaction: before every history search (so a search always sees every message), before
 * erasure's wipe, and every few seconds in the background (src/app/background-work.ts). A deleted event still pending is
 * only taken off the list (it never reached the index); one already indexed is deleted from
 * the index as before. PostgreSQL's GIN index is unchanged (its own pending list does this).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createIndexTriggers } from './025-message-search.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table message_search_pending (event_rowid integer primary key)`.execute(db);
  await sql`drop trigger message_search_insert`.execute(db);
  await sql`drop trigger message_search_delete`.execute(db);
  await sql`drop trigger message_search_update`.execute(db);
  await sql
    .raw(
      `create trigger message_search_insert after insert on events
       when new.type = 'message.created'
       begin
         insert into message_search_pending (event_rowid) values (new.rowid);
       end`,
    )
    .execute(db);
  await sql
    .raw(`create trigger message_search_delete after delete on events ${UNINDEX}`)
    .execute(db);
  // Events are an append-only log; should a row ever change, it is indexed afresh.
  await sql
    .raw(
      `create trigger message_search_update after update of data, type on events
       begin
         ${UNINDEX_STATEMENTS}
         insert or ignore into message_search_pending (event_rowid)
           select new.rowid where new.type = 'message.created';
       end`,
    )
    .execute(db);
}

/** Takes the old row out of the index when it is there, and off the pending list. */
const UNINDEX_STATEMENTS = `
  insert into message_search (message_search, rowid, text)
    select 'delete', old.rowid, json_extract(old.data, '$.text')
    where old.type = 'message.created' and json_type(old.data, '$.text') = 'text'
      and not exists (select 1 from message_search_pending where event_rowid = old.rowid);
  delete from message_search_pending where event_rowid = old.rowid;`;
const UNINDEX = `begin ${UNINDEX_STATEMENTS} end`;

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql
    .raw(
      `insert into message_search (rowid, text)
       select events.rowid, json_extract(events.data, '$.text')
       from message_search_pending join events on events.rowid = message_search_pending.event_rowid
       where json_type(events.data, '$.text') = 'text'`,
    )
    .execute(db);
  for (const trigger of ['message_search_update', 'message_search_delete', 'message_search_insert'])
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`drop table message_search_pending`.execute(db);
  // Migration 025's triggers again, as it made them.
  await createIndexTriggers(db);
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
