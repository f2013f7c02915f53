/**
 * Text PostgreSQL can store. A JavaScript string may hold what PostgreSQL refuses: the NUL
 * character (`text` cannot hold it: "invalid byte sequence for encoding UTF8: 0x00"), and a
 * lone surrogate, which JSON.stringify writes as an escape (`\ud800`) that `::jsonb` refuses.
 * SQLite takes both, so without this a message or a log-in email carrying one was stored on
 * SQLite and a 500 on PostgreSQL. Every query parameter passes through here on PostgreSQL:
 * each becomes U+FFFD, the replacement character, which is also what UTF-8 encoding makes
 * of a lone surrogate anyway.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * A lone surrogate's JSON escape (a high one not followed by a low one, or a low one alone),
 * itself not escaped: an even number of backslashes before it.
 */
const LONE_SURROGATE_ESCAPE =
  /(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})/g;

/** A lone surrogate (String.prototype.toWellFormed, which ES2023's types do not name yet). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/** The string with NUL and lone surrogates replaced by U+FFFD; JSON text re-written so. */
export function postgresSafeText(value: string): string {
  const plain = value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
  const text = wellFormed(plain);
  if (!text.includes('\\u')) return text;
  // Only JSON text (a stored event's data, written by JSON.stringify) is re-written; a
  // plain text that happens to spell an escape is kept as it is.
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return text;
  return text.replace(LONE_SURROGATE_ESCAPE, '\\ufffd');
}

function safeParameter(value: unknown): unknown {
  if (typeof value === 'string') return postgresSafeText(value);
  if (Array.isArray(value)) return value.map(safeParameter);
  return value;
}

/** The pool with every query's parameters made storable (see above). */
export function withPostgresSafeText(pool: PostgresPool): PostgresPool {
  const wrapped = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  const wrap = (client: PostgresPoolClient): PostgresPoolClient => {
    let safe = wrapped.get(client);
    if (!safe) {
      safe = {
        query: ((sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) =>
          typeof sqlOrCursor === 'string'
            ? client.query(sqlOrCursor, (parameters ?? []).map(safeParameter))
            : client.query(sqlOrCursor as never)) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      wrapped.set(client, safe);
    }
    return safe;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
