/**
 * `baton agents` as an operator runs it (a real child process, a real database): accounts
 * are created, changed and disabled, and the server honours it — a disabled account can no
 * longer log in, its sessions have ended, and it is not part of the team routing sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { enrol } from '../helpers/two-factor.ts';

function agentsCli(args: string[], databaseUrl: string, input?: string) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', 'agents', ...args], {
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case starts fresh Node processes that load the TypeScript CLI: several seconds apiece on
// a busy two-core machine, so these tests get more than the default 30 s. The command reaches
// the database by DATABASE_URL alone, so PostgreSQL gets a database of its own.
describe.each(TEST_DATABASES)('baton agents ($name)', { timeout: 120_000 }, (database) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-agents-'));
  const postgresDatabase = `agents_${randomBytes(5).toString('hex')}`;
  const db =
    database.name === 'sqlite' ? path.join(dir, 'baton.db') : postgresDatabaseUrl(postgresDatabase);
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    if (database.name === 'postgres') await postgresAdmin(`create database ${postgresDatabase}`);
    s = await startTestServer({ database: { url: db }, env: { BATON_DEMO: 'false' } });
  });
  afterAll(async () => {
    await s?.close();
    if (database.name === 'postgres' && !database.skipReason)
      await postgresAdmin(`drop database if exists ${postgresDatabase} with (force)`);
  });

  it.skipIf(database.skipReason)(
    'adds accounts that can log in, with a generated or a given password',
    async () => {
      const added = agentsCli(
        [
          'add',
          'dana@acme.test',
          '--name',
          'Dana',
          '--role',
          'supervisor',
          '--skills',
          'billing,general',
          '--languages',
          'en,de',
          '--max-concurrent',
          '5',
        ],
        db,
      );
      expect(added.status).toBe(0);
      const password = /password \(shown once\): (\S+)/.exec(added.stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(12);
      const token = await login(s.baseUrl, 'dana@acme.test', password);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token });
      expect(me.body.agent).toMatchObject({
        name: 'Dana',
        role: 'supervisor',
        skills: ['billing', 'general'],
      });

      const given = agentsCli(
        ['add', 'eli@acme.test', '--name', 'Eli', '--password-stdin'],
        db,
        'a-long-secret-1\n',
      );
      expect(given.status).toBe(0);
      expect(given.stdout).not.toMatch(/password/);
      await login(s.baseUrl, 'eli@acme.test', 'a-long-secret-1');

      const listed = agentsCli(['list', '--json'], db);
      const rows = listed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.map((r) => r.email)).toEqual(['dana@acme.test', 'eli@acme.test']);
      expect(rows[0]).toMatchObject({ languages: ['en', 'de'], maxConcurrent: 5 });
      expect(JSON.stringify(rows)).not.toMatch(/scrypt/);
    },
  );

  it.skipIf(database.skipReason)(
    'refuses bad input with a clear message and changes nothing',
    () => {
      const cases: Array<[string[], RegExp]> = [
        [['add', 'not-an-email', '--name', 'X'], /not an email address/],
        [['add', 'dana@acme.test', '--name', 'Dana again'], /already exists/],
        [['add', 'f@acme.test', '--name', 'F', '--role', 'boss'], /--role must be one of/],
        [['add', 'f@acme.test', '--name', 'F', '--skills', 'Billing Team'], /--skills/],
        [['add', 'f@acme.test', '--name', 'F', '--max-concurrent', '0'], /--max-concurrent/],
        [['update', 'nobody@acme.test', '--name', 'N'], /no account for nobody@acme\.test/],
      ];
      for (const [args, message] of cases) {
        const r = agentsCli(args, db);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(message);
      }
      const short = agentsCli(
        ['add', 'f@acme.test', '--name', 'F', '--password-stdin'],
        db,
        'short\n',
      );
      expect(short.stderr).toMatch(/at least 10 characters/);
      const emails = agentsCli(['list', '--json'], db).stdout.match(/"email":"[^"]+"/g);
      expect(emails).toHaveLength(2);
    },
  );

  it.skipIf(database.skipReason)(
    'disables an account: its session ends, it cannot log in, routing no longer sees it',
    async () => {
      const token = await login(s.baseUrl, 'eli@acme.test', 'a-long-secret-1');
      const updated = agentsCli(
        ['update', 'eli@acme.test', '--skills', 'technical', '--max-concurrent', '2'],
        db,
      );
      expect(updated.status).toBe(0);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token });
      expect(me.body.agent.skills).toEqual(['technical']);

      expect(agentsCli(['disable', 'eli@acme.test'], db).status).toBe(0);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
      const again = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'eli@acme.test', password: 'a-long-secret-1' },
      });
      expect(again.status).toBe(401);
      const dana = await login(
        s.baseUrl,
        'dana@acme.test',
        /* reset below */ await resetPassword('dana@acme.test'),
      );
      const team = await api(s.baseUrl, 'GET', '/api/v1/agents', { token: dana });
      expect(team.body.agents.map((a: any) => a.email)).toEqual(['dana@acme.test']);
      expect(agentsCli(['list'], db).stdout).not.toMatch(/eli@acme\.test/);
      expect(agentsCli(['list', '--all'], db).stdout).toMatch(/eli@acme\.test .* disabled/);

      expect(agentsCli(['update', 'eli@acme.test', '--enable'], db).status).toBe(0);
      await login(s.baseUrl, 'eli@acme.test', 'a-long-secret-1');

      // Every change made at the shell is in the team audit log, by `cli`, without passwords.
      const eli = await s.server.store.agents.findByEmail('eli@acme.test', {
        includeDisabled: true,
      });
      const audit = await s.server.store.teamAudit.page({
        limit: 20,
        agentId: eli?.id ?? '-',
        action: 'agent.',
      });
      expect(audit.entries.map((e) => [e.actorId, e.action]).reverse()).toEqual([
        ['cli', 'agent.created'],
        ['cli', 'agent.updated'],
        ['cli', 'agent.disabled'],
        ['cli', 'agent.enabled'],
      ]);
      expect(audit.entries.find((e) => e.action === 'agent.updated')?.changes).toEqual({
        skills: { from: ['general'], to: ['technical'] },
        maxConcurrent: { from: 3, to: 2 },
      });
      expect(JSON.stringify(audit.entries)).not.toContain('a-long-secret-1');
    },
  );

  it.skipIf(database.skipReason)(
    'follows the same rules as the team API, which sees the same accounts',
    async () => {
      const added = agentsCli(
        ['add', 'ada@acme.test', '--name', 'Ada', '--role', 'admin', '--password-stdin'],
        db,
        'admin-secret-3\n',
      );
      expect(added.status).toBe(0);
      const ada = await login(s.baseUrl, 'ada@acme.test', 'admin-secret-3');
      const create = (body: Record<string, unknown>) =>
        api(s.baseUrl, 'POST', '/api/v1/team/agents', { token: ada, body });
      // Each value is refused by both, with nothing created.
      const refused: Array<[string[], Record<string, unknown>]> = [
        [['--languages', 'EN'], { languages: ['EN'] }],
        [['--skills', '9lives'], { skills: ['9lives'] }],
        [['--max-concurrent', '51'], { maxConcurrent: 51 }],
        [['--role', 'owner'], { role: 'owner' }],
      ];
      for (const [flags, body] of refused) {
        expect(agentsCli(['add', 'gus@acme.test', '--name', 'Gus', ...flags], db).status).toBe(2);
        const r = await create({ email: 'gus@acme.test', name: 'Gus', ...body });
        expect([flags, r.status]).toEqual([flags, 400]);
      }
      // An account made by the command is taken for the API, and the other way round.
      expect((await create({ email: 'DANA@acme.test', name: 'D' })).body.error.code).toBe(
        'EMAIL_TAKEN',
      );
      expect((await create({ email: 'gus@acme.test', name: 'Gus' })).status).toBe(201);
      expect(agentsCli(['add', 'gus@acme.test', '--name', 'Gus'], db).stderr).toMatch(
        /already exists/,
      );
      expect(agentsCli(['list'], db).stdout).toMatch(/gus@acme\.test +Gus +agent +general +en +3/);
    },
  );

  it.skipIf(database.skipReason)(
    'clears two-factor log-in for a lost phone (reset-totp), in the audit log',
    async () => {
      const added = agentsCli(
        ['add', 'zoe@acme.test', '--name', 'Zoe', '--password-stdin'],
        db,
        'zoe-secret-44\n',
      );
      expect(added.status).toBe(0);
      const token = await login(s.baseUrl, 'zoe@acme.test', 'zoe-secret-44');
      await enrol(s.baseUrl, token, 'zoe-secret-44', new Date());
      const body = { email: 'zoe@acme.test', password: 'zoe-secret-44' };
      expect((await api(s.baseUrl, 'POST', '/api/v1/auth/login', { body })).body.error.code).toBe(
        'TOTP_REQUIRED',
      );
      const listed = agentsCli(['list', '--json'], db).stdout;
      expect(listed).toContain('"email":"zoe@acme.test"');
      expect(listed).toMatch(/"email":"zoe@acme\.test".*"totpEnabled":true/);

      expect(agentsCli(['reset-totp', 'nobody@acme.test'], db).stderr).toMatch(/no account/);
      const reset = agentsCli(['reset-totp', 'zoe@acme.test'], db);
      expect([reset.status, reset.stdout]).toEqual([
        0,
        'two-factor log-in cleared for zoe@acme.test; 1 session(s) ended\n',
      ]);
      // The session from before the reset (on the lost phone, say) is over.
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
      expect((await api(s.baseUrl, 'POST', '/api/v1/auth/login', { body })).status).toBe(200);
      const zoe = await s.server.store.agents.findByEmail('zoe@acme.test');
      const [row] = (
        await s.server.store.teamAudit.page({
          limit: 1,
          agentId: zoe?.id ?? '-',
          action: 'totp.',
        })
      ).entries;
      expect(row).toMatchObject({
        actorId: 'cli',
        action: 'totp.reset',
        changes: { wasEnabled: true, endedSessions: 1 },
      });
    },
  );

  async function resetPassword(email: string): Promise<string> {
    const r = agentsCli(['update', email, '--password-stdin'], db, 'another-secret-2\n');
    expect(r.status).toBe(0);
    return 'another-secret-2';
  }
});
