/**
 * The server's ended-sessions listener (src/store/pg-session-notices.ts) lost on PostgreSQL
 * without Redis: its backend ended with pg_terminate_backend, and PostgreSQL taking no new
 * connection from the server (as at its connection limit), so it cannot listen again. While
 * it is lost /healthz says degraded, naming postgres-session-notices (the presence listener,
 * postgres-notify, stays up) and /readyz stays ready; once PostgreSQL takes connections again
 * the server listens again by itself, /healthz is ok, and `baton agents disable` closes the
 * agent's open inbox socket at once with the command's reason. The session check is set far
 * beyond the test's length, so only the notice can close it. Real PostgreSQL, a real server,
 * the real command.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import {
  POSTGRES_URL,
  postgresAdmin,
  postgresDatabaseUrl,
  TEST_DATABASES,
  withPostgresClient,
} from '../helpers/databases.ts';
import { openSocket, tokenProtocols, type TestSocket } from '../helpers/socket-client.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { notifyChannel } from '../../src/store/pg-notify-transport.ts';

const run = promisify(execFile);
const skip = TEST_DATABASES.find((d) => d.name === 'postgres')?.skipReason ?? null;

describe.skipIf(skip)(
  'the ended-sessions listener lost and back on PostgreSQL without Redis',
  { timeout: 120_000 },
  () => {
    const database = `notices_${randomBytes(5).toString('hex')}`;
    const url = postgresDatabaseUrl(database);
    const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
    let proxy: TcpProxy;
    let s: TestServer;
    let alexInbox: TestSocket | undefined;

    /** The command straight to PostgreSQL (not through the server's proxy), without Redis. */
    const agentsCli = (args: string[]) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: url,
        BATON_REDIS_PREFIX: prefix,
        FORCE_COLOR: '0',
      };
      delete env.REDIS_URL;
      return run(process.execPath, ['bin/baton.mjs', 'agents', ...args], { env });
    };
    const health = async () => (await api(s.baseUrl, 'GET', '/healthz')).body;

    beforeAll(async () => {
      await postgresAdmin(`create database ${database}`);
      const target = new URL(url);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      target.host = `127.0.0.1:${proxy.port}`;
      s = await startTestServer({
        database: { url: target.toString() },
        // An hour: the periodic session check must not be what closes the socket.
        env: { BATON_REDIS_PREFIX: prefix, BATON_SESSION_CHECK_MS: '3600000' },
      });
    });
    afterAll(async () => {
      await alexInbox?.close();
      proxy?.restore();
      await s?.close();
      await proxy?.close();
      await postgresAdmin(`drop database if exists ${database} with (force)`);
    });

    it('says degraded while lost, ok once it listens again, and then hears a disable', async () => {
      const notices = { name: 'postgres-session-notices', status: 'up', since: expect.any(String) };
      const presence = { name: 'postgres-notify', status: 'up', since: expect.any(String) };
      expect(await health()).toEqual({
        status: 'ok',
        database: 'postgres',
        dependencies: [notices, presence],
      });
      const token = await login(s.baseUrl, 'alex@example.com', DEMO_PASSWORD);
      alexInbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
      const inbox = alexInbox;
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        inbox.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
      );

      proxy.refuseNew();
      const ended = await withPostgresClient(POSTGRES_URL, async (client) => {
        const r = await client.query(
          'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and query = $2',
          [database, `listen ${notifyChannel(`${prefix}:sessions`)}`],
        );
        return r.rows.length;
      });
      expect(ended).toBe(1);
      const degraded = await until(async () => {
        const h = await health();
        return h.status === 'degraded' ? h : undefined;
      });
      expect(degraded.dependencies).toEqual([{ ...notices, status: 'down' }, presence]);
      expect((await api(s.baseUrl, 'GET', '/readyz')).status).toBe(200);

      // PostgreSQL takes the server's connections again: it listens again by itself.
      proxy.restore();
      const recovered = await until(async () => {
        const h = await health();
        return h.status === 'ok' ? h : undefined;
      }, 15_000);
      expect(recovered.dependencies).toEqual([notices, presence]);

      await agentsCli(['disable', 'alex@example.com']);
      expect(await closed).toEqual({ code: 4401, reason: 'account disabled' });
    });
  },
);
