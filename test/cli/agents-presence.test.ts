/**
 * `baton agents list` shows presence as the API does: "online" only while an inbox of the
 * agent's is open. Sam's inbox opens (the store says online) and closes: within the grace the
 * stored row still says online, the API says offline. On a PostgreSQL cluster (SQLite is for
 * one node, without Redis) the command asks the nodes (their presence announcements) and says
 * offline too: with REDIS_URL over Redis, without it or with Redis unreachable over NOTIFY (a
 * server on PostgreSQL without Redis: agents-presence-postgres.test.ts). On SQLite it cannot
 * know and says so.
 * A real server, real sockets, the real command.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { openSocket, tokenProtocols, type TestSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const run = promisify(execFile);
const HEARTBEAT_MS = '300';

interface Listed {
  email: string;
  presence: string;
  inboxOpen: boolean | null;
}

describe.each(TEST_DATABASES)(
  'baton agents list shows presence as the API does ($name)',
  { timeout: 120_000 },
  (database) => {
    const cluster = database.name === 'postgres';
    const skip = database.skipReason ?? (cluster ? REDIS_SKIP_REASON : null);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-agents-presence-'));
    const postgresDatabase = `presence_${randomBytes(5).toString('hex')}`;
    const db =
      database.name === 'sqlite'
        ? path.join(dir, 'baton.db')
        : postgresDatabaseUrl(postgresDatabase);
    const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
    let s: TestServer;
    let alexToken = '';
    let alexInbox: TestSocket | undefined;

    /** The command against the server's database, with or without the servers' Redis. */
    const agentsCli = async (args: string[], redis: boolean | string) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: db,
        BATON_REDIS_PREFIX: prefix,
        BATON_REDIS_HEARTBEAT_MS: HEARTBEAT_MS,
        FORCE_COLOR: '0',
      };
      if (redis) env.REDIS_URL = redis === true ? REDIS_URL : redis;
      else delete env.REDIS_URL;
      return run(process.execPath, ['bin/baton.mjs', 'agents', 'list', ...args], { env });
    };
    const listedJson = async (redis: boolean): Promise<Listed[]> =>
      (await agentsCli(['--json'], redis)).stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Listed);
    const apiPresence = async (): Promise<Record<string, string>> => {
      const r = await api(s.baseUrl, 'GET', '/api/v1/agents', { token: alexToken });
      expect(r.status).toBe(200);
      return Object.fromEntries(
        (r.body.agents as { email: string; presence: string }[]).map((a) => [a.email, a.presence]),
      );
    };
    const storedPresence = async (email: string) =>
      (await s.server.store.agents.findByEmail(email))?.presence;

    beforeAll(async () => {
      if (skip) return;
      if (database.name === 'postgres') await postgresAdmin(`create database ${postgresDatabase}`);
      s = await startTestServer({
        database: { url: db },
        env: {
          ...(cluster ? { REDIS_URL } : {}),
          BATON_REDIS_PREFIX: prefix,
          BATON_REDIS_HEARTBEAT_MS: HEARTBEAT_MS,
        },
      });
      alexToken = await login(s.baseUrl, 'alex@example.com', DEMO_PASSWORD);
      alexInbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alexToken));
      // Sam's inbox opens (stored online) and closes: the grace (60 s) has not passed.
      const samToken = await login(s.baseUrl, 'sam@example.com', DEMO_PASSWORD);
      const samInbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(samToken));
      await until(async () =>
        (await storedPresence('sam@example.com')) === 'online' ? true : undefined,
      );
      await samInbox.close();
      await until(async () =>
        (await apiPresence())['sam@example.com'] === 'offline' ? true : undefined,
      );
    });
    afterAll(async () => {
      await alexInbox?.close();
      await s?.close();
      if (database.name === 'postgres' && !database.skipReason)
        await postgresAdmin(`drop database if exists ${postgresDatabase} with (force)`);
    });

    // Registered on PostgreSQL only (Redis needs it), so nothing reads as skipped on SQLite.
    const onCluster = cluster ? it.skipIf(skip) : undefined;

    onCluster?.(
      'with Redis: an agent whose inbox closed is offline, as GET /api/v1/agents says',
      async () => {
        expect(await storedPresence('sam@example.com')).toBe('online');
        expect(await storedPresence('alex@example.com')).toBe('online');
        const listed = await listedJson(true);
        const byEmail = Object.fromEntries(listed.map((a) => [a.email, a]));
        expect(byEmail['sam@example.com']).toMatchObject({ presence: 'offline', inboxOpen: false });
        expect(byEmail['alex@example.com']).toMatchObject({ presence: 'online', inboxOpen: true });
        const shown = await apiPresence();
        for (const agent of listed) expect(agent.presence).toBe(shown[agent.email]);

        const { stdout: table } = await agentsCli([], true);
        expect(table).toMatch(/^sam@example\.com .* offline *$/m);
        expect(table).toMatch(/^alex@example\.com .* online *$/m);
      },
    );

    /** A REDIS_URL nothing listens on. */
    const unreachableRedis = async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      return `redis://127.0.0.1:${port}`;
    };

    onCluster?.(
      'with Redis unreachable: says so, and asks the nodes over PostgreSQL NOTIFY instead',
      async () => {
        const { stdout, stderr } = await agentsCli([], await unreachableRedis());
        expect(stderr).toMatch(/could not ask the servers through Redis/);
        expect(stderr).not.toMatch(/unknown/);
        expect(stdout).toMatch(/^sam@example\.com .* offline *$/m);
        expect(stdout).toMatch(/^alex@example\.com .* online *$/m);
      },
    );

    // A cluster's nodes send their presence over NOTIFY too (their path while Redis is down).
    onCluster?.(
      'without REDIS_URL: asks the nodes over PostgreSQL NOTIFY and shows the same',
      async () => {
        expect(await storedPresence('sam@example.com')).toBe('online');
        const { stdout: table, stderr } = await agentsCli([], false);
        expect(stderr).toBe('');
        expect(table).toMatch(/^sam@example\.com .* offline *$/m);
        expect(table).toMatch(/^alex@example\.com .* online *$/m);
        const listed = await listedJson(false);
        expect(listed.find((a) => a.email === 'alex@example.com')).toMatchObject({
          presence: 'online',
          inboxOpen: true,
        });
      },
    );

    // SQLite is one server whose sockets only it knows: the command cannot ask it.
    const onSqlite = cluster ? undefined : it.skipIf(skip);
    onSqlite?.('on SQLite: says that whose inbox is open is unknown', async () => {
      expect(await storedPresence('sam@example.com')).toBe('online');
      const { stdout: table } = await agentsCli([], false);
      expect(table).toMatch(/^sam@example\.com .* online \(inbox state unknown\) *$/m);
      expect(table).not.toMatch(/ online *$/m);
      const listed = await listedJson(false);
      expect(listed.find((a) => a.email === 'sam@example.com')).toMatchObject({
        presence: 'online',
        inboxOpen: null,
      });
      for (const agent of listed) expect(agent.inboxOpen).toBeNull();
    });
  },
);
