/**
 * The message-text part of the history search: the words typed become a full-text query on
 * the index migration 025 keeps (FTS5 in SQLite, a GIN `tsvector` index in PostgreSQL), and
 * this module gives the conversations with a message that holds every word, in any order,
 * the last word as a prefix (it may be half typed). Nothing the user types is query syntax:
 * quotes, `*`, `-`, `OR`, `NEAR` are text, and punctuation separates words as the indexes
 * split them.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DatabaseEngine } from './open-database.ts';

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
