/**
 * A consistent copy of a live SQLite database through SQLite's online backup API
 * (better-sqlite3's `backup`): it copies page by page while the server keeps writing, and
 * restarts a step whose pages changed underneath, so the copy is one moment's database —
 * unlike `cp`, which can catch the file and its WAL at different moments.
 */
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { isPostgresUrl } from './open-database.ts';

export interface SqliteBackupResult {
  readonly totalPages: number;
}

export async function backupSqlite(url: string, destination: string): Promise<SqliteBackupResult> {
  if (isPostgresUrl(url)) throw new Error('not a SQLite database: back PostgreSQL up with pg_dump');
  const file = url.replace(/^sqlite:/, '');
  if (file === ':memory:' || !existsSync(file)) throw new Error(`no SQLite database at ${file}`);
  if (existsSync(destination)) throw new Error(`${destination} exists; choose a new file`);
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(destination);
    return { totalPages };
  } finally {
    source.close();
  }
}
