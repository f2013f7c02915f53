/**
 * The group commit on a real SQLite file: a batch runs once, plainly, when nothing fails; a
 * write that throws is rolled back alone and the rest of its batch commits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.ts';
import { withStatementCache, type SyncSqlite } from '../../src/store/statement-cache.ts';

describe('GroupCommit', () => {
  let dir: string;
  let db: Database.Database;
  let sqlite: SyncSqlite;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baton-group-'));
    db = new Database(path.join(dir, 'g.db'));
    db.pragma('journal_mode = WAL');
    db.exec('create table t (k text primary key, n integer not null)');
    sqlite = withStatementCache(db).sync;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (k: string, n: number) => () => {
    db.prepare('insert into t (k, n) values (?, ?)').run(k, n);
    return k;
  };
  const rows = () => db.prepare('select k, n from t order by k').all();

  it('runs each write of a batch once when none fails', async () => {
    const group = new GroupCommit(sqlite);
    let runs = 0;
    const counted = (k: string) => () => (runs++, insert(k, 1)());
    await expect(
      Promise.all(['a', 'b', 'c'].map((k) => group.submit(counted(k)))),
    ).resolves.toEqual(['a', 'b', 'c']);
    expect(runs).toBe(3);
    expect(rows()).toEqual(['a', 'b', 'c'].map((k) => ({ k, n: 1 })));
  });

  it('fails the write that throws alone, undoing all of its statements', async () => {
    db.exec("insert into t (k, n) values ('taken', 0)");
    const group = new GroupCommit(sqlite);
    const halfDone = () => {
      // Its first statement succeeds; the second throws, and must take the first with it.
      insert('half', 1)();
      return insert('taken', 1)();
    };
    const results = await Promise.allSettled([
      group.submit(insert('a', 1)),
      group.submit(halfDone),
      group.submit(insert('b', 2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(rows()).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 2 },
      { k: 'taken', n: 0 },
    ]);
    // The next batch starts clean.
    await group.submit(insert('c', 3));
    expect(rows()).toContainEqual({ k: 'c', n: 3 });
  });
});
