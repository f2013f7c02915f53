/**
 * `baton erase` as an operator runs it: a dry run lists, --yes erases; open conversations are
 * left alone unless asked; bad selectors are refused. Conversations made through the API.
 * On PostgreSQL the erased text is read for in the tables' and indexes' files themselves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { expectOutboxExported, seedOutboxAndDelivery } from '../helpers/outbox-rows.ts';
import { ERASED_TABLES, relationFiles, secretsIn } from '../helpers/postgres-files.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

function erase(args: string[], databaseUrl: string) {
  return cli(['erase', ...args], databaseUrl);
}

function cli(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The command reaches the database by DATABASE_URL alone, so PostgreSQL gets a database of its
// own (not a schema of the shared one).
describe.each(TEST_DATABASES)('baton erase ($name)', { timeout: 120_000 }, (database) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-erase-'));
  const postgresDatabase = `erase_${randomBytes(5).toString('hex')}`;
  const db =
    database.name === 'sqlite' ? path.join(dir, 'baton.db') : postgresDatabaseUrl(postgresDatabase);
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    if (database.name === 'postgres') await postgresAdmin(`create database ${postgresDatabase}`);
    s = await startTestServer({ database: { url: db } });
  });
  afterAll(async () => {
    await s?.close();
    if (database.name === 'postgres' && !database.skipReason)
      await postgresAdmin(`drop database if exists ${postgresDatabase} with (force)`);
  });

  /**
   * The customer asks for a person, the agent claims and resolves: each step must answer 200
   * (a CI run once erased 0 of a conversation still open: the claim had answered 404), and the
   * stored status must be resolved before the CLI reads it. `said` is what the customer writes
   * once Alex has it: written before the request, a random tag in it could make the classifier
   * route the handoff to a queue Alex does not serve (`baton replay` of "my-locker-code-is-<random
   * hex>" then a request: 2 of 40 went to technical), and Alex could then not even see it.
   */
  async function handOverAndResolve(
    c: { id: string; token: string },
    agent: string,
    said?: string,
  ) {
    const steps = [
      ['messages', c.token, { action: 'request_human' }],
      ['claim', agent, undefined],
      ...(said ? ([['messages', c.token, { text: said }]] as const) : []),
      ['resolve', agent, undefined],
    ] as const;
    for (const [step, token, body] of steps) {
      const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/${step}`, {
        token,
        ...(body ? { body } : {}),
      });
      expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    }
    expect((await s.server.store.conversations.get(c.id))?.status).toBe('resolved');
  }

  // Tests of PostgreSQL's own files are registered on PostgreSQL only, so that under CI=true
  // nothing reads as skipped on SQLite.
  const onPostgres = database.name === 'postgres' ? it.skipIf(database.skipReason) : undefined;

  it.skipIf(database.skipReason)(
    "forgets a customer's closed conversations, and open ones only when asked",
    async () => {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const closed = await startConversation(s.baseUrl, {
        customer: { email: 'Sarah@Example.com' },
      });
      await handOverAndResolve(closed, agent);
      const open = await startConversation(s.baseUrl, {
        customer: { email: 'sarah@example.com' },
      });
      const other = await startConversation(s.baseUrl, {
        customer: { email: 'marc@example.com' },
      });

      const dry = erase(['--customer', 'sarah@example.com'], db);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toMatch(new RegExp(`${closed.id} .*resolved`));
      expect(dry.stdout).toMatch(/1 open conversation\(s\) left alone/);
      expect(dry.stdout).toMatch(/would erase 1 conversation/);
      expect(await s.server.store.conversations.get(closed.id)).toBeDefined();

      const done = erase(['--customer', 'sarah@example.com', '--yes'], db);
      expect(done.stdout).toMatch(/erased 1 conversation/);
      expect(await s.server.store.conversations.get(closed.id)).toBeUndefined();
      const gone = await api(s.baseUrl, 'GET', `/api/v1/conversations/${closed.id}`, {
        token: agent,
      });
      expect(gone.status).toBe(404);
      expect(await s.server.store.conversations.get(open.id)).toBeDefined();

      erase(['--customer', 'sarah@example.com', '--include-open', '--yes'], db);
      expect(await s.server.store.conversations.get(open.id)).toBeUndefined();
      expect(await s.server.store.conversations.get(other.id)).toBeDefined();
    },
  );

  it.skipIf(database.skipReason)(
    "exports a person's data as .tar.gz and erases their WhatsApp thread by number",
    async () => {
      const store = s.server.store;
      for (const [id, number] of [
        ['c_wa_cli', '447700900999'],
        ['c_wa_cli_other', '447700900888'],
      ] as const) {
        await store.conversations.create({
          id,
          channel: 'whatsapp',
          externalThread: `106540352242922:${number}`,
          customer: { id: `whatsapp:${number}`, name: 'Nia' },
          language: 'en',
          tokenHash: `h-${id}`,
          events: [
            {
              type: 'message.created',
              actor: { type: 'customer' },
              data: { from: 'customer', text: 'hi' },
            },
          ],
          now: new Date(),
        });
        await seedOutboxAndDelivery(store, id, `+${number}`);
      }
      await store.mediaFiles.put(
        'c_wa_cli',
        'wa:1',
        {
          mimeType: 'image/png',
          fileName: 'photo.png',
          content: Buffer.from('png-bytes-of-nia'),
        },
        new Date(),
      );
      const out = path.join(dir, 'nia.tar.gz');
      const exported = cli(['export', '--customer', '+44 7700 900999', '--out', out], db);
      expect(exported.stdout).toMatch(/exported 1 conversation and 1 file\(s\)/);
      const entries = new Map<string, Buffer>();
      await tar.t({
        file: out,
        onReadEntry: (entry) => {
          const chunks: Buffer[] = [];
          entry.on('data', (c: Buffer) => chunks.push(c));
          entry.on('end', () => entries.set(entry.path, Buffer.concat(chunks)));
        },
      });
      const document = JSON.parse(String(entries.get('customer.json')));
      expect(document.conversations.map((c: { id: string }) => c.id)).toEqual(['c_wa_cli']);
      // Her pending send and webhook delivery, no credential; the other number's rows not at all.
      expectOutboxExported(document, document.conversations[0], 'c_wa_cli', '+447700900999');
      expect(JSON.stringify(document)).not.toMatch(/c_wa_cli_other|900888/);
      expect(String(entries.get('attachments/c_wa_cli/1-photo.png'))).toBe('png-bytes-of-nia');

      // The README's example: the customer's number, not the stored `<phone-number-id>:<number>`.
      const erased = cli(
        ['erase', '--thread', 'whatsapp:+447700900999', '--include-open', '--yes'],
        db,
      );
      expect(erased.stdout).toMatch(/erased 1 conversation/);
      expect(await store.conversations.get('c_wa_cli')).toBeUndefined();
      expect(await store.timers.allFor('c_wa_cli')).toEqual([]);
      expect(await store.webhooks.listFor('c_wa_cli')).toEqual([]);
      expect(await store.webhooks.listFor('c_wa_cli_other')).toHaveLength(1);

      // Both are in the team audit log by `cli`, with how the person was named and the
      // conversation, never the number itself (docs/security.md, "Audit").
      const audit = await store.teamAudit.page({ limit: 2, action: 'customer.' });
      expect(
        audit.entries.map((e) => [
          e.actorId,
          e.action,
          e.changes['selector'],
          e.changes['conversations'],
        ]),
      ).toEqual([
        ['cli', 'customer.erased', 'thread whatsapp', ['c_wa_cli']],
        ['cli', 'customer.exported', 'phone', ['c_wa_cli']],
      ]);
      expect(JSON.stringify(audit.entries)).not.toMatch(/7700\D?900\D?999/);
    },
  );

  onPostgres?.(
    "leaves none of the erased text in the tables' or indexes' files (VACUUM FULL)",
    async () => {
      const tag = randomBytes(6).toString('hex');
      const secrets = {
        email: `kyle.${tag}@erase14.example`,
        message: `my-locker-code-is-${tag}`,
      };
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      // Someone who stays, first: their live rows share the pages, so a plain VACUUM can
      // neither truncate those pages away nor move live rows over the erased ones' bytes.
      const bystander = await startConversation(s.baseUrl, {
        customer: { email: `bystander.${tag}@erase14.example` },
      });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${bystander.id}/messages`, {
        token: bystander.token,
        body: { text: 'still here' },
      });
      const c = await startConversation(s.baseUrl, { customer: { email: secrets.email } });
      await handOverAndResolve(c, agent, secrets.message);

      const client = new pg.Client({ connectionString: db });
      await client.connect();
      try {
        const filesBefore = await relationFiles(client);
        expect(await secretsIn(client, filesBefore, secrets)).toEqual(['email', 'message']);

        // An earlier erasure by the server left `events` waiting for the compaction window.
        const tomorrow = new Date(Date.now() + 86_400_000);
        await s.server.store.compaction.record(['events'], new Date(Date.now() - 1_000), tomorrow);
        const done = erase(['--customer', secrets.email, '--yes'], db);
        expect(done.stdout).toMatch(/erased 1 conversation/);
        expect(done.stdout).toContain(`rewrote with VACUUM FULL: ${ERASED_TABLES.join(', ')}`);
        expect(done.stdout).toContain('CHECKPOINT done');
        // The command rewrote it itself: nothing waits any more.
        expect(await s.server.store.compaction.pending()).toEqual([]);

        // The new files, and the old ones (emptied at the rewrite, unlinked at a checkpoint).
        const filesAfter = await relationFiles(client);
        expect(await secretsIn(client, [...filesBefore, ...filesAfter], secrets)).toEqual([]);
      } finally {
        await client.end();
      }
    },
  );

  onPostgres?.(
    'says when CHECKPOINT is not permitted and which tables VACUUM FULL could not rewrite',
    async () => {
      // A role that is neither superuser nor in pg_checkpoint, creating the tables in a
      // database it does not own (a database's owner may vacuum every table in it).
      const role = `erase_role_${randomBytes(5).toString('hex')}`;
      const adminUrl = postgresDatabaseUrl(role);
      const roleUrl = adminUrl.replace(/\/\/[^@/]*@/, `//${role}@`);
      await postgresAdmin(`create role ${role} login`);
      await postgresAdmin(`create database ${role}`);
      const grant = new pg.Client({ connectionString: adminUrl });
      await grant.connect();
      await grant.query(`grant all on schema public to ${role}`);
      await grant.end();
      try {
        expect(erase(['--conversation', 'c_none', '--yes'], roleUrl).stdout).toMatch(
          /CHECKPOINT skipped: the database role is neither superuser nor in pg_checkpoint/,
        );
        // A table the role does not own: VACUUM FULL only warns, so the command must say so.
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query('alter table timers owner to postgres');
        await client.end();
        const done = erase(['--conversation', 'c_none', '--yes'], roleUrl);
        expect(done.stdout).toContain(
          'rewrote with VACUUM FULL: conversations, events, webhook_deliveries, media_files, provider_messages',
        );
        expect(done.stdout).toMatch(
          /not rewritten \(the database role does not own them\): timers;/,
        );
      } finally {
        await postgresAdmin(`drop database if exists ${role} with (force)`);
        await postgresAdmin(`drop role if exists ${role}`);
      }
    },
  );

  it.skipIf(database.skipReason)('refuses unclear selectors', () => {
    for (const args of [
      [],
      ['--customer', 'a', '--conversation', 'c_1'],
      ['--thread', 'nothread'],
    ]) {
      const r = erase(args, db);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/baton erase: /);
    }
    expect(erase(['--closed-before', 'last tuesday'], db).stderr).toMatch(/takes a date/);
  });
});
