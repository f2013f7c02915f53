/**
 * Opens the database named by a URL: `postgres://…` (or `postgresql://…`) for PostgreSQL,
 * anything else is a SQLite file path (`sqlite:` prefix optional, `:memory:` allowed).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withBatches, type RunBatch } from './postgres-batch.ts';
import { withPostgresSafeText } from './postgres-text.ts';
import type { Database } from './schema.ts';
import { withStatementCache, type SyncSqlite } from './statement-cache.ts';
import {
  startWalCheckpointer,
  type WalCheckpointer,
  type WalCheckpointerOptions,
} from './wal-checkpointer.ts';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  readonly url: string;
  /** PostgreSQL only: run every query in this schema (tests use a throwaway one). */
  readonly schema?: string;
  readonly poolSize?: number;
  /**
   * PostgreSQL only: a pooled connection broke (the server restarted or the network dropped
   * it), idle or checked out. The pool discards it and opens a new one on the next query;
   * without a listener, pg's 'error' event would end the process.
   */
  readonly onConnectionError?: (error: Error) => void;
  /** SQLite file only: when the worker thread checkpoints the WAL (wal-checkpointer.ts). */
  readonly walCheckpoint?: WalCheckpointerOptions;
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly engine: DatabaseEngine;
  /** SQLite only: synchronous execution for the hot write path. */
  readonly sqlite?: SyncSqlite;
  /** SQLite file only: the worker that checkpoints the WAL; close it before the database. */
  readonly walCheckpointer?: WalCheckpointer;
  /** PostgreSQL only: runs work in one transaction (postgres-batch.ts). */
  readonly batch?: RunBatch;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const onError = options.onConnectionError ?? (() => undefined);
    // pg-pool listens for errors on idle connections only (and re-emits them as the pool's
    // 'error'); a connection checked out between two statements of a transaction, when the
    // server ends it, emits 'error' with no listener and ends the process. So every
    // connection gets a listener of its own for its whole life, which reports each error
    // once; the pool's 'error' (the same error again, for an idle one) needs only to be heard.
    pool.on('connect', (client) => client.on('error', onError));
    pool.on('error', () => undefined);
    const batches = withBatches(withPostgresSafeText(pool));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: batches.pool }) }),
      engine: 'postgres',
      batch: batches.batch,
    };
  }
  const file = options.url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the single writer; NORMAL is durable across app crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // A checkpoint copies the log's pages back into the file and syncs both files. Every 10,000
  // pages (a log of about 40 MB) instead of SQLite's 1,000, a page that many commits rewrote
  // (a busy conversation's row, an index's last leaf) is copied once, and the syncs are shared
  // by ten times as many commits: the message path's statements in a loop took 27 µs of CPU
  // per message against 39 (docs/bench.md). A worker thread runs it, so that the writer does
  // not wait for it; the writer's own automatic checkpoint is a backstop (wal-checkpointer.ts).
  const walCheckpointer =
    file === ':memory:' ? undefined : startWalCheckpointer(sqlite, file, options.walCheckpoint);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted content is overwritten with zeros, so an erased customer is not left in free
  // space of the file (erasure-repository.ts then empties the WAL).
  sqlite.pragma('secure_delete = ON');
  const cached = withStatementCache(sqlite);
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cached.forKysely }) }),
    engine: 'sqlite',
    sqlite: cached.sync,
    ...(walCheckpointer ? { walCheckpointer } : {}),
  };
}
