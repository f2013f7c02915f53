/**
 * On PostgreSQL without Redis, `baton agents list` shows whose inbox is open as the API does:
 * the command asks over NOTIFY (src/store/pg-presence.ts), on the channel a cluster's nodes
 * use when Redis is unreachable, and the server answers with the agents whose inbox socket is
 * open on it. Sam's inbox opens (the store says online) and closes: within the grace the
 * stored row still says online, the API and the command say offline; Alex's stays open and
 * reads online. A real server, real sockets, the real command.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, tokenProtocols, type TestSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const run = promisify(execFile);
const skip = TEST_DATABASES.find((d) => d.name === 'postgres')?.skipReason ?? null;
const HEARTBEAT_MS = '300';

interface Listed {
  email: string;
  presence: string;
  inboxOpen: boolean | null;
}

describe.skipIf(skip)(
  'baton agents list on PostgreSQL without Redis asks the server over NOTIFY',
  { timeout: 120_000 },
  () => {
    const database = `presence_${randomBytes(5).toString('hex')}`;
    const url = postgresDatabaseUrl(database);
    const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
    let s: TestServer;
    let alexToken = '';
    let alexInbox: TestSocket | undefined;

    const agentsList = (args: string[]) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: url,
        BATON_REDIS_PREFIX: prefix,
        BATON_REDIS_HEARTBEAT_MS: HEARTBEAT_MS,
        FORCE_COLOR: '0',
      };
      delete env.REDIS_URL;
      return run(process.execPath, ['bin/baton.mjs', 'agents', 'list', ...args], { env });
    };
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
        .map((line) => JSON.parse(line) as Listed);
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
