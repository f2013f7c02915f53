/**
 * Opens the database named by a URL: `postgres://…` (or `postgresql://…`) for PostgreSQL,
 * anything else is a SQLite file path (`sqlite:` prefix optional, `:memory:` allowed).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { withStatementCache, type SyncSqlite } from './statement-cache.ts';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  readonly url: string;
  /** PostgreSQL only: run every query in this schema (tests use a throwaway one). */
  readonly schema?: string;
  readonly poolSize?: number;
  /**
   * PostgreSQL only: an idle pooled connection broke (the server restarted or the network
   * dropped it). The pool discards it and opens a new one on the next query; without a
   * listener, pg's 'error' event would end the process.
   */
  readonly onIdleConnectionError?: (error: Error) => void;
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly engine: DatabaseEngine;
  /** SQLite only: synchronous execution for the hot write path. */
  readonly sqlite?: SyncSqlite;
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
    pool.on('error', options.onIdleConnectionError ?? (() => undefined));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
    };
  }
  const file = options.url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the single writer; NORMAL is durable across app crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
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
  };
}
