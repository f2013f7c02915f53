/**
 * `baton compact` as an operator runs it: on PostgreSQL it rewrites the tables the server's
 * erasures left for the compaction window (the erased bytes leave the files), audits the run,
 * and names a table whose lock it could not have, which still waits; on SQLite there is
 * nothing to compact. The erasures go through a running server, the command is the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import {
  postgresAdmin,
  postgresDatabaseUrl,
  TEST_DATABASES,
  withPostgresClient,
} from '../helpers/databases.ts';
import { relationFiles, secretsIn } from '../helpers/postgres-files.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';

function compact(databaseUrl: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', 'compact'], {
    encoding: 'utf8',
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A database of its own on PostgreSQL: the command reaches it by DATABASE_URL alone, and
// VACUUM FULL keeps rows another test's open snapshot in the same database could still see.
describe.each(TEST_DATABASES)('baton compact ($name)', { timeout: 120_000 }, (database) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-compact-'));
  const dbName = `compact_cli_${randomBytes(5).toString('hex')}`;
  const url =
    database.name === 'sqlite'
      ? `sqlite:${path.join(dir, 'baton.db')}`
      : postgresDatabaseUrl(dbName);
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    if (database.skipReason) return;
    if (database.name === 'postgres') await postgresAdmin(`create database ${dbName}`);
    s = await startTestServer({ database: { url } });
    admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await s?.close();
    if (database.name === 'postgres' && !database.skipReason)
      await postgresAdmin(`drop database if exists ${dbName} with (force)`);
  });

  /**
   * A person who wrote a secret, erased through the admin API, with a bystander written
   * before whose live rows keep the pages (a plain VACUUM would cut empty pages off the end).
   */
  async function eraseSomeone() {
    const tag = randomBytes(6).toString('hex');
    const secrets = { email: `nora.${tag}@compact-cli.example`, message: `safe-code-${tag}` };
    const bystander = await startConversation(s.baseUrl, {
      customer: { email: `stays.${tag}@compact-cli.example` },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${bystander.id}/messages`, {
      token: bystander.token,
      body: { text: 'still here' },
    });
    const c = await startConversation(s.baseUrl, { customer: { email: secrets.email } });
    const sent = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: secrets.message },
    });
    expect(sent.status).toBe(201);
    // The files the rows were written to (VACUUM FULL gives a table new ones).
    const files = database.name === 'postgres' ? await withClient(relationFiles) : [];
    const erased = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
      token: admin,
      body: { customer: secrets.email, includeOpen: true, confirm: true },
    });
    expect(erased.body).toMatchObject({ erased: 1 });
    return { secrets, files };
  }

  const withClient = <T>(run: (client: pg.Client) => Promise<T>) => withPostgresClient(url, run);

  const onPostgres = database.name === 'postgres' ? it.skipIf(database.skipReason) : undefined;
  const onSqlite = database.name === 'sqlite' ? it.skipIf(database.skipReason) : undefined;

  onPostgres?.(
    'rewrites what the erasures left, audited, and the bytes leave the files',
    async () => {
      const { secrets, files: filesBefore } = await eraseSomeone();
      const pending = (await s.server.store.compaction.pending()).map((p) => p.table);
      expect(pending).toEqual(expect.arrayContaining(['conversations', 'events']));
      // Deleted and vacuumed by the server, the rows' bytes are still in the files.
      expect(await withClient((c) => secretsIn(c, filesBefore, secrets))).not.toEqual([]);

      const r = compact(url);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`rewrote with VACUUM FULL: ${pending.join(', ')}\n`);
      expect(r.stdout).toContain('CHECKPOINT done\nnothing still pending\n');
      expect(await s.server.store.compaction.pending()).toEqual([]);
      const filesAfter = await withClient(relationFiles);
      expect(
        await withClient((c) => secretsIn(c, [...filesBefore, ...filesAfter], secrets)),
      ).toEqual([]);
      const audit = await s.server.store.teamAudit.page({ limit: 1 });
      expect(audit.entries[0]).toMatchObject({
        action: 'privacy.compacted',
        actorId: 'cli',
        changes: expect.objectContaining({ compacted: pending, lockTimedOut: [] }),
      });

      // Run again: nothing waits.
      const again = compact(url);
      expect(again.stdout).toBe('nothing to compact: no erasure left a table waiting\n');
    },
  );

  onPostgres?.('names a table whose lock was held, which still waits; exit code 1', async () => {
    await eraseSomeone();
    const r = await withClient(async (holder) => {
      // A long read of `events`: VACUUM FULL cannot have its lock while this lasts.
      await holder.query('begin');
      await holder.query('select count(*) from events');
      const ran = compact(url, { BATON_COMPACT_LOCK_TIMEOUT_MS: '300' });
      await holder.query('commit');
      return ran;
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('rewrote with VACUUM FULL: conversations');
    expect(r.stdout).toContain('lock not had within 300 ms (a transaction held it): events\n');
    expect(r.stdout).toMatch(
      /still pending: events, its lock was not had in time \(1 attempt\(s\)\), due \d{4}-\d\d-\d\dT03:30:00/,
    );
    expect((await s.server.store.compaction.pending()).map((p) => p.table)).toEqual(['events']);
    const audit = await s.server.store.teamAudit.page({ limit: 1 });
    expect(audit.entries[0]?.changes).toMatchObject({ lockTimedOut: ['events'] });
    expect(compact(url).stdout).toContain('rewrote with VACUUM FULL: events\n');
  });

  onSqlite?.('has nothing to compact: the erasure removed the bytes already', async () => {
    await eraseSomeone();
    expect(await s.server.store.compaction.pending()).toEqual([]);
    const r = compact(url);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'nothing to compact: on SQLite an erasure zeroes the deleted rows in the database file at once (secure_delete); no table waits for a window\n',
    );
    expect((await s.server.store.teamAudit.page({ limit: 1 })).entries[0]?.action).not.toBe(
      'privacy.compacted',
    );
  });
});
