/**
 * `baton agents list` when neither path reaches the servers: Redis unreachable (a port
 * nothing listens on) and the server's NOTIFY listener lost (its backend ended with
 * pg_terminate_backend, and PostgreSQL taking no new connection from the server, as at its
 * connection limit, so it cannot listen again) while PostgreSQL still answers. The command
 * must not read the silence as "everyone offline": Alex, whose inbox is open, is listed
 * "online (inbox state unknown)", `inboxOpen: null` in --json, with exit status 1 and the
 * reason on stderr; the server's /healthz says degraded, naming postgres-notify. Once the
 * server listens again, both read right again. Real PostgreSQL, a real server, the real command.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { POSTGRES_URL, postgresAdmin, withPostgresClient } from '../helpers/databases.ts';
import { openSocket, tokenProtocols, type TestSocket } from '../helpers/socket-client.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { notifyChannel } from '../../src/store/pg-notify-transport.ts';
import {
  HEARTBEAT_MS,
  ownPostgresDatabase,
  POSTGRES_SKIP,
  runAgentsCommand,
  type ListedAgent,
} from './agents-command.ts';

/** A REDIS_URL nothing listens on. */
async function closedRedisPort(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  return `redis://127.0.0.1:${port}`;
}

describe.skipIf(POSTGRES_SKIP)(
  'baton agents list with Redis unreachable and the NOTIFY listener lost',
  { timeout: 120_000 },
  () => {
    const { database, url, prefix } = ownPostgresDatabase('presence');
    let proxy: TcpProxy;
    let s: TestServer;
    let alexInbox: TestSocket | undefined;
    let redisUrl = '';

    /** The command straight to PostgreSQL (not through the server's proxy). */
    const agentsList = async (args: string[]) => {
      try {
        const { stdout, stderr } = await runAgentsCommand(['list', ...args], {
          databaseUrl: url,
          prefix,
          redisUrl,
          heartbeatMs: HEARTBEAT_MS,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout: string; stderr: string };
        if (typeof failed.code !== 'number') throw error;
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    const health = async () => (await api(s.baseUrl, 'GET', '/healthz')).body;

    beforeAll(async () => {
      await postgresAdmin(`create database ${database}`);
      const target = new URL(url);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      target.host = `127.0.0.1:${proxy.port}`;
      redisUrl = await closedRedisPort();
      // The server without Redis: it answers `agents list` over NOTIFY (store/pg-presence.ts).
      s = await startTestServer({
        database: { url: target.toString() },
        env: { BATON_REDIS_PREFIX: prefix, BATON_REDIS_HEARTBEAT_MS: HEARTBEAT_MS },
      });
      const token = await login(s.baseUrl, 'alex@example.com', DEMO_PASSWORD);
      alexInbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
    });
    afterAll(async () => {
      await alexInbox?.close();
      proxy?.restore();
      await s?.close();
      await proxy?.close();
      await postgresAdmin(`drop database if exists ${database} with (force)`);
    });

    it('says unknown (exit 1), not offline, and /healthz says degraded; right again after', async () => {
      const notify = { name: 'postgres-notify', status: 'up', since: expect.any(String) };
      // The ended-sessions listener (its own connection) is not the one ended here: it stays up.
      const notices = { name: 'postgres-session-notices', status: 'up', since: expect.any(String) };
      expect(await health()).toEqual({
        status: 'ok',
        database: 'postgres',
        dependencies: [notices, notify],
      });
      const before = await agentsList([]);
      expect(before.stderr).toMatch(/could not ask the servers through Redis/);
      expect(before.code).toBe(0);
      expect(before.stdout).toMatch(/^alex@example\.com .* online *$/m);

      proxy.refuseNew();
      const ended = await withPostgresClient(POSTGRES_URL, async (client) => {
        const r = await client.query(
          'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and query = $2',
          [database, `listen ${notifyChannel(prefix)}`],
        );
        return r.rows.length;
      });
      expect(ended).toBe(1);
      const degraded = await until(async () => {
        const h = await health();
        return h.status === 'degraded' ? h : undefined;
      });
      expect(degraded.dependencies).toEqual([notices, { ...notify, status: 'down' }]);
      expect((await api(s.baseUrl, 'GET', '/readyz')).status).toBe(200);

      const table = await agentsList([]);
      expect(table.code).toBe(1);
      expect(table.stderr).toMatch(/could not ask the servers through Redis/);
      expect(table.stderr).toMatch(/through PostgreSQL: .*no server answered/);
      expect(table.stderr).toMatch(/whose inbox is open is unknown/);
      expect(table.stdout).toMatch(/^alex@example\.com .* online \(inbox state unknown\) *$/m);
      expect(table.stdout).not.toMatch(/^alex@example\.com .* offline *$/m);
      const json = await agentsList(['--json']);
      expect(json.code).toBe(1);
      const listed = json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ListedAgent);
      expect(listed.find((a) => a.email === 'alex@example.com')).toMatchObject({
        presence: 'online',
        inboxOpen: null,
      });

      // PostgreSQL takes the server's connections again: it listens, and both read right.
      proxy.restore();
      await until(async () => ((await health()).status === 'ok' ? true : undefined), 15_000);
      const after = await agentsList([]);
      expect(after.code).toBe(0);
      expect(after.stdout).toMatch(/^alex@example\.com .* online *$/m);
    });
  },
);
