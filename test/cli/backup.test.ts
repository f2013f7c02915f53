/**
 * `baton backup`: a consistent copy of the SQLite database taken while a real server keeps
 * committing conversations; PostgreSQL is refused with the pointer to pg_dump.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES, POSTGRES_URL, type OpenedTestStore } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const run = promisify(execFile);

async function baton(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/baton.mjs', ...args], {
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('baton backup', () => {
  let db: OpenedTestStore;
  let s: TestServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-backup-'));
  beforeAll(async () => {
    db = await TEST_DATABASES.find((d) => d.name === 'sqlite')!.open();
    // Writes as fast as they go while the copy runs: no per-client limit in the way.
    s = await startTestServer({
      database: { url: db.url },
      env: { BATON_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it('copies the live database while conversations keep being committed', async () => {
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push((await startConversation(s.baseUrl)).id);
    const destination = path.join(dir, 'copy.db');
    let writing = true;
    const during = (async () => {
      let n = 0;
      while (writing) {
        await startConversation(s.baseUrl);
        n++;
      }
      return n;
    })();
    const r = await baton(['backup', destination], { DATABASE_URL: db.url });
    writing = false;
    const committedDuring = await during;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backed up \d+ pages to /);
    expect(committedDuring).toBeGreaterThan(0);

    const copy = new SqliteDatabase(destination, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        copy
          .prepare('select id from conversations')
          .all()
          .map((row) => (row as { id: string }).id),
      );
      for (const id of before) expect(ids.has(id)).toBe(true);
      // One moment's database: every conversation in the copy has all its events, 1…last_seq.
      const gaps = copy
        .prepare(
          `select c.id from conversations c
           where c.last_seq != (select count(*) from events e where e.conversation_id = c.id)
              or c.last_seq != (select max(seq) from events e where e.conversation_id = c.id)`,
        )
        .all();
      expect(gaps).toEqual([]);
    } finally {
      copy.close();
    }
  });

  it('refuses to overwrite a file', async () => {
    const destination = path.join(dir, 'taken.db');
    writeFileSync(destination, 'keep me');
    const r = await baton(['backup', destination], { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('exists');
  });

  it('points PostgreSQL to pg_dump instead', async () => {
    const destination = path.join(dir, 'pg.db');
    const r = await baton(['backup', destination], { DATABASE_URL: POSTGRES_URL });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pg_dump');
    expect(existsSync(destination)).toBe(false);
  });
});
