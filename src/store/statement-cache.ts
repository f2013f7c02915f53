/**
 * Synchronous SQLite execution with cached prepared statements. Queries are still built and
 * compiled by Kysely (one typed query layer); on SQLite they then run inside one synchronous
 * better-sqlite3 transaction instead of Kysely's async driver. On the message path that took
 * a commit from ~160 µs to ~35 µs (bench/message-path.ts; see docs/bench.md).
 */
import type { Database as BetterSqliteDatabase, Statement } from 'better-sqlite3';
import type { CompiledQuery, SqliteDatabase, SqliteStatement } from 'kysely';

export interface SyncSqlite {
  /** Runs `fn` in one transaction; throws (and rolls back) if `fn` throws. Never nested. */
  transaction<T>(fn: () => T): T;
  /**
   * Inside `transaction`: runs `fn` in a savepoint, so that its failure rolls back only its
   * own statements (group commit: one failed write must not undo the others in the batch).
   */
  savepoint<T>(fn: () => T): T;
  all<R>(query: CompiledQuery<R>): R[];
  /** The rows as arrays of column values, in the order selected (better-sqlite3's raw mode). */
  raw(query: CompiledQuery): unknown[][];
  /** Runs a statement that returns no rows; the number of rows it changed. */
  run(query: CompiledQuery): number;
}

export interface CachedSqlite {
  /** What Kysely's SqliteDialect runs on, sharing the same statement cache. */
  readonly forKysely: SqliteDatabase;
  readonly sync: SyncSqlite;
}

export function withStatementCache(db: BetterSqliteDatabase, maxStatements = 256): CachedSqlite {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const cached = cache.get(sql);
    if (cached) return cached;
    const statement = db.prepare(sql);
    // Oldest out first; the hot statements are re-inserted often enough to stay.
    if (cache.size >= maxStatements) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
    return statement;
  };
  // Raw-mode statements apart: a statement's mode is its own, and Kysely shares the others.
  const rawCache = new Map<string, Statement>();
  const prepareRaw = (sql: string): Statement => {
    const cached = rawCache.get(sql);
    if (cached) return cached;
    const statement = db.prepare(sql).raw(true);
    if (rawCache.size >= maxStatements) rawCache.delete(rawCache.keys().next().value as string);
    rawCache.set(sql, statement);
    return statement;
  };
  const params = (query: CompiledQuery) => query.parameters as unknown[];
  // One wrapper for every call: better-sqlite3 builds a new one per `db.transaction(...)`,
  // and on the message path that cost more than the BEGIN itself.
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    forKysely: {
      close: () => {
        cache.clear();
        rawCache.clear();
        db.close();
      },
      prepare: (sql: string) => prepare(sql) as unknown as SqliteStatement,
    },
    sync: {
      transaction<T>(fn: () => T): T {
        // A Kysely transaction left open would swallow ours as a savepoint: refuse instead.
        if (db.inTransaction) throw new Error('SyncSqlite: a transaction is already open');
        return inTransaction(fn) as T;
      },
      savepoint<T>(fn: () => T): T {
        if (!db.inTransaction) throw new Error('SyncSqlite: savepoint outside a transaction');
        // better-sqlite3 turns a nested transaction into SAVEPOINT / RELEASE / ROLLBACK TO.
        return inTransaction(fn) as T;
      },
      all: <R>(query: CompiledQuery<R>) => {
        const statement = prepare(query.sql);
        return (
          statement.reader ? statement.all(...params(query)) : (statement.run(...params(query)), [])
        ) as R[];
      },
      raw: (query) => prepareRaw(query.sql).all(...params(query)) as unknown[][],
      run: (query) => prepare(query.sql).run(...params(query)).changes,
    },
  };
}
