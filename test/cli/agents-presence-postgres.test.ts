/**
 * On PostgreSQL without Redis, `baton agents list` shows whose inbox is open as the API does:
 * the command asks over NOTIFY (src/store/pg-presence.ts), on the channel a cluster's nodes
 * use when Redis is unreachable, and the server answers with the agents whose inbox socket is
 * open on it. Sam's inbox opens (the store says online) and closes: within the grace the
 * stored row still says online, the API and the command say offline; Alex's stays open and
 * reads online. A real server, real sockets, the real command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin } from '../helpers/databases.ts';
import { openSocket, tokenProtocols, type TestSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  HEARTBEAT_MS,
  ownPostgresDatabase,
  POSTGRES_SKIP,
  runAgentsCommand,
  type ListedAgent,
} from './agents-command.ts';

describe.skipIf(POSTGRES_SKIP)(
  'baton agents list on PostgreSQL without Redis asks the server over NOTIFY',
  { timeout: 120_000 },
  () => {
    const { database, url, prefix } = ownPostgresDatabase('presence');
    let s: TestServer;
    let alexToken = '';
    let alexInbox: TestSocket | undefined;

    const agentsList = (args: string[]) =>
      runAgentsCommand(['list', ...args], { databaseUrl: url, prefix, heartbeatMs: HEARTBEAT_MS });
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
      await postgresAdmin(`create database ${database}`);
      s = await startTestServer({
        database: { url },
        env: { BATON_REDIS_PREFIX: prefix, BATON_REDIS_HEARTBEAT_MS: HEARTBEAT_MS },
      });
      alexToken = await login(s.baseUrl, 'alex@example.com', DEMO_PASSWORD);
      alexInbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alexToken));
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
      await postgresAdmin(`drop database if exists ${database} with (force)`);
    });

    it('an open inbox reads online, a closed one offline, as GET /api/v1/agents says', async () => {
      expect(await storedPresence('sam@example.com')).toBe('online');
      expect(await storedPresence('alex@example.com')).toBe('online');
      const { stdout, stderr } = await agentsList(['--json']);
      expect(stderr).toBe('');
      const listed = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ListedAgent);
      const byEmail = Object.fromEntries(listed.map((a) => [a.email, a]));
      expect(byEmail['sam@example.com']).toMatchObject({ presence: 'offline', inboxOpen: false });
      expect(byEmail['alex@example.com']).toMatchObject({ presence: 'online', inboxOpen: true });
      const shown = await apiPresence();
      for (const agent of listed) expect(agent.presence).toBe(shown[agent.email]);

      const { stdout: table } = await agentsList([]);
      expect(table).toMatch(/^sam@example\.com .* offline *$/m);
      expect(table).toMatch(/^alex@example\.com .* online *$/m);
      expect(table).not.toMatch(/inbox state unknown/);
    });

    it('once the inbox closes, the command reads it offline too', async () => {
      await alexInbox?.close();
      alexInbox = undefined;
      await until(async () =>
        (await apiPresence())['alex@example.com'] === 'offline' ? true : undefined,
      );
      const { stdout } = await agentsList([]);
      expect(stdout).toMatch(/^alex@example\.com .* offline *$/m);
    });
  },
);
