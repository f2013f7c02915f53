/**
 * PostgreSQL's compaction window, through a running server: an admin's erasure leaves the
 * erased bytes in the table files (a plain VACUUM) and says when they go; at the window (the
 * test clock moved past it) the server rewrites the tables and the bytes are gone from every
 * file. A table whose lock another connection holds is left for the next window, reported, and
 * holds nothing up. On SQLite nothing waits: the bytes are gone at the erasure.
 */
import { randomBytes } from 'node:crypto';
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
import { until } from '../helpers/until.ts';

const DAY_MS = 86_400_000;

// A database of its own on PostgreSQL: VACUUM FULL keeps a deleted row that an open snapshot
// in the same database could still see, so other tests' transactions must not share it.
describe.each(TEST_DATABASES)('compaction window ($name)', { timeout: 60_000 }, (database) => {
  const dbName = `compact_${randomBytes(5).toString('hex')}`;
  const url = postgresDatabaseUrl(dbName);
  let s: TestServer;
  let admin: string;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  beforeAll(async () => {
    if (database.skipReason) return;
    if (database.name === 'postgres') await postgresAdmin(`create database ${dbName}`);
    s = await startTestServer({
      ...(database.name === 'postgres' ? { database: { url } } : { engine: 'sqlite' }),
      clock: now,
      env: {
        // The real window: test servers leave it off unless asked (test-server.ts).
        BATON_COMPACT_WINDOW: 'true',
        BATON_COMPACT_AT: '03:30',
        BATON_COMPACT_CHECK_MS: '100',
        BATON_COMPACT_LOCK_TIMEOUT_MS: '300',
      },
    });
    admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await s?.close();
    if (database.name === 'postgres' && !database.skipReason)
      await postgresAdmin(`drop database if exists ${dbName} with (force)`);
  });

  /** A person who wrote a secret, and a bystander whose live rows share the pages. */
  async function personWithSecret() {
    const tag = randomBytes(6).toString('hex');
    const secrets = { email: `nora.${tag}@compact14.example`, message: `safe-code-${tag}` };
    const bystander = await startConversation(s.baseUrl, {
      customer: { email: `stays.${tag}@compact14.example` },
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
    return { secrets, bystander };
  }

  const erase = (customer: string) =>
    api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
      token: admin,
      body: { customer, includeOpen: true, confirm: true },
    });

  const withClient = <T>(run: (client: pg.Client) => Promise<T>) => withPostgresClient(url, run);

  const onPostgres = database.name === 'postgres' ? it.skipIf(database.skipReason) : undefined;
  const onSqlite = database.name === 'sqlite' ? it.skipIf(database.skipReason) : undefined;

  onPostgres?.(
    'an erasure through the API leaves the bytes until the window, which removes them',
    async () => {
      const { secrets } = await personWithSecret();
      const filesBefore = await withClient(relationFiles);
      const erasedAt = now();
      const done = await erase(secrets.email);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ dryRun: false, erased: 1 });
      // The next 03:30 UTC after the erasure.
      const at = new Date(done.body.compactionAt as string);
      expect(at.getTime()).toBeGreaterThan(erasedAt.getTime());
      expect(at.getTime()).toBeLessThanOrEqual(erasedAt.getTime() + DAY_MS);
      expect([at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()]).toEqual([3, 30, 0]);
      expect(done.body.bytesRemoved).toBe(
        `bytes removed from the files at the next compaction window, ${at.toISOString()}`,
      );
      const listed = await api(s.baseUrl, 'GET', '/api/v1/privacy/compaction', { token: admin });
      const pending = listed.body.pending as Array<{ table: string; dueAt: string }>;
      expect(pending.map((p) => p.table)).toEqual(
        expect.arrayContaining(['conversations', 'events']),
      );
      expect(new Set(pending.map((p) => p.dueAt))).toEqual(new Set([at.toISOString()]));

      // Deleted and vacuumed, the rows' bytes are still in the files: the window has not come.
      await new Promise((r) => setTimeout(r, 300));
      const files = await withClient(relationFiles);
      expect(
        await withClient((c) => secretsIn(c, [...filesBefore, ...files], secrets)),
      ).not.toEqual([]);

      offsetMs = at.getTime() - Date.now() + 1_000;
      await until(async () =>
        (await s.server.store.compaction.pending()).length ? undefined : true,
      );
      const filesAfter = await withClient(relationFiles);
      expect(
        await withClient((c) => secretsIn(c, [...filesBefore, ...files, ...filesAfter], secrets)),
      ).toEqual([]);
      const audit = await s.server.store.teamAudit.page({ limit: 1 });
      expect(audit.entries[0]).toMatchObject({
        action: 'privacy.compacted',
        actorId: 'compaction',
        changes: expect.objectContaining({ lockTimedOut: [], notCompacted: [] }),
      });
      expect(audit.entries[0]?.changes.compacted).toEqual(pending.map((p) => p.table));
    },
  );

  onPostgres?.(
    'a table held by another connection waits for the next window; nothing else waits',
    async () => {
      // The test before moved the clock to the next 03:30 UTC: up to a day ahead when this
      // runs after 03:30, past the admin session's lifetime, so sign in again on that clock.
      admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
      const { secrets, bystander } = await personWithSecret();
      const filesBefore = await withClient(relationFiles);
      expect((await erase(secrets.email)).status).toBe(200);
      await withClient(async (holder) => {
        // A long read of `events`: VACUUM FULL cannot have its lock while this lasts.
        await holder.query('begin');
        await holder.query('select count(*) from events');
        const run = await api(s.baseUrl, 'POST', '/api/v1/privacy/compact', { token: admin });
        expect(run.status).toBe(200);
        expect(run.body.lockTimedOut).toEqual(['events']);
        expect(run.body.compacted).toContain('conversations');
        expect(run.body.checkpointed).toBe(true);
        const events = (run.body.pending as Array<Record<string, unknown>>).find(
          (p) => p.table === 'events',
        );
        expect(events).toMatchObject({ attempts: 1, lastOutcome: 'lock-timeout' });
        expect(new Date(events?.dueAt as string).getTime()).toBeGreaterThan(now().getTime());
        // The queue behind the waiting VACUUM FULL is gone: a writer goes through at once.
        const wrote = await api(
          s.baseUrl,
          'POST',
          `/api/v1/conversations/${bystander.id}/messages`,
          {
            token: bystander.token,
            body: { text: 'written while events is held' },
          },
        );
        expect(wrote.status).toBe(201);
        await holder.query('commit');
      });
      const audit = await s.server.store.teamAudit.page({ limit: 1 });
      expect(audit.entries[0]).toMatchObject({
        action: 'privacy.compacted',
        changes: expect.objectContaining({ lockTimedOut: ['events'] }),
      });
      // The message is in `events`, left for the next window; an admin runs it now.
      const files = await withClient(relationFiles);
      expect(await withClient((c) => secretsIn(c, [...filesBefore, ...files], secrets))).toContain(
        'message',
      );
      const again = await api(s.baseUrl, 'POST', '/api/v1/privacy/compact', { token: admin });
      expect(again.body).toMatchObject({ compacted: ['events'], lockTimedOut: [], pending: [] });
      const filesAfter = await withClient(relationFiles);
      expect(
        await withClient((c) => secretsIn(c, [...filesBefore, ...files, ...filesAfter], secrets)),
      ).toEqual([]);
    },
  );

  onSqlite?.('nothing waits: the erasure removed the bytes already', async () => {
    const { secrets } = await personWithSecret();
    const done = await erase(secrets.email);
    expect(done.body).toMatchObject({ erased: 1, compactionAt: null });
    expect(done.body.bytesRemoved).toMatch(/^bytes removed from the (files|database file) now/);
    const listed = await api(s.baseUrl, 'GET', '/api/v1/privacy/compaction', { token: admin });
    expect(listed.body).toEqual({ pending: [] });
    const run = await api(s.baseUrl, 'POST', '/api/v1/privacy/compact', { token: admin });
    expect(run.body).toEqual({
      compacted: [],
      lockTimedOut: [],
      notCompacted: [],
      checkpointed: null,
      pending: [],
    });
  });

  it.skipIf(database.skipReason)('only admins see or run the window', async () => {
    const agent = await login(s.baseUrl, s.demoAgent.email, DEMO_PASSWORD);
    for (const [method, path] of [
      ['GET', '/api/v1/privacy/compaction'],
      ['POST', '/api/v1/privacy/compact'],
    ] as const) {
      expect((await api(s.baseUrl, method, path, { token: agent })).status).toBe(403);
      expect((await api(s.baseUrl, method, path)).status).toBe(401);
    }
  });
});
