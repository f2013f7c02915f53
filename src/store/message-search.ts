/**
 * The message-text part of the history search: the words typed become a full-text query on
 * the index migration 025 keeps (FTS5 in SQLite, a GIN `tsvector` index in PostgreSQL), and
 * this module gives the conversations with a message that holds every word, in any order,
 * the last word as a prefix (it may be half typed). Nothing the user types is query syntax:
 * quotes, `*`, `-`, `OR`, `NEAR` are text, and punctuation separates words as the indexes
 * split them.
 */
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { DatabaseEngine } from './open-database.ts';
import type { SyncSqlite } from './statement-cache.ts';

/** A run of letters (with their accents) and digits; everything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a search, in the order typed; none when it holds no letter or digit. */
export function searchWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * An FTS5 query: every word a quoted string (so `OR`, `NEAR` or `*` inside one is only a
 * word), all required, the last one a prefix.
 */
export function fts5Query(words: readonly string[]): string {
  const last = words.length - 1;
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === last ? '*' : ''}`).join(' ');
}

/**
 * `select conversation_id …` of the conversations with a message holding every word; not
 * correlated, so each engine looks the words up in its index once per search.
 */
export function conversationsWithWords(
  engine: DatabaseEngine,
  words: readonly string[],
): RawBuilder<{ conversation_id: string }> {
  if (engine === 'postgres') {
    // The expression of events_message_search_idx, so the index answers it.
    return sql`select events.conversation_id from events
      where events.type = 'message.created'
        and baton_message_vector(events.data) @@ baton_search_query(${words.join(' ')})`;
  }
  return sql`select events.conversation_id from message_search
    join events on events.rowid = message_search.rowid
    where message_search match ${fts5Query(words)}`;
}

const INDEX_PENDING = CompiledQuery.raw(
  `insert into message_search (rowid, text)
   select events.rowid, json_extract(events.data, '$.text')
   from message_search_pending join events on events.rowid = message_search_pending.event_rowid
   where json_type(events.data, '$.text') = 'text'`,
);
const CLEAR_PENDING = CompiledQuery.raw('delete from message_search_pending');

/**
 * SQLite: moves the messages stored since the last call into the FTS5 index (migration 026
 * notes them in `message_search_pending`, so the message path does not pay for indexing). One
 * synchronous transaction, so no commit can slip a row in between the copy and the clearing.
 * PostgreSQL keeps its GIN index itself: nothing to do.
 */
export async function catchUpMessageSearch(sqlite: SyncSqlite | undefined): Promise<void> {
  if (!sqlite) return;
  // Another transaction (a Kysely one awaiting its next statement) may hold the connection
  // for a moment; the copy waits a turn of the event loop and tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      sqlite.transaction(() => {
        sqlite.run(INDEX_PENDING);
        sqlite.run(CLEAR_PENDING);
      });
      return;
    } catch (error) {
      if (attempt >= 50 || !/already open/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}
