/**
 * On PostgreSQL without Redis, `baton agents reset-totp`, `update --password-stdin` and
 * `disable` still close the agent's open inbox sockets at once: the command ends the sessions
 * in the database and says so with NOTIFY, which the server LISTENs for
 * (src/store/pg-session-notices.ts). The close carries the command's reason; the server's own
 * session check (every 30 s) would close with `session ended` instead, so the reason tells
 * which closed it. The old token is refused afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin } from '../helpers/databases.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { ownPostgresDatabase, POSTGRES_SKIP, runAgentsCommand } from './agents-command.ts';

describe.skipIf(POSTGRES_SKIP)(
  'baton agents closes the agent’s sockets on PostgreSQL without Redis',
  { timeout: 120_000 },
  () => {
    const { database, url, prefix } = ownPostgresDatabase('trust');
    let s: TestServer;

    const agentsCli = (args: string[], input = '') => {
      const child = runAgentsCommand(args, { databaseUrl: url, prefix });
      child.child.stdin?.end(input);
      return child;
    };

    /** A logged-in agent with an inbox socket open; resolves the socket's close. */
    async function connected(email: string) {
      const token = await login(s.baseUrl, email, DEMO_PASSWORD);
      const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
        'baton',
        `baton.token.${token}`,
      ]);
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
      );
      return { token, closed };
    }

    beforeAll(async () => {
      await postgresAdmin(`create database ${database}`);
      s = await startTestServer({ database: { url }, env: { BATON_REDIS_PREFIX: prefix } });
    });
    afterAll(async () => {
      await s?.close();
      await postgresAdmin(`drop database if exists ${database} with (force)`);
    });

    it('reset-totp, a new password and disable close the socket with 4401 and the reason', async () => {
      const alex = await connected('alex@example.com');
      await agentsCli(['reset-totp', 'alex@example.com']);
      expect(await alex.closed).toEqual({ code: 4401, reason: 'two-factor reset' });

      const sam = await connected('sam@example.com');
      await agentsCli(['update', 'sam@example.com', '--password-stdin'], 'a-new-long-password\n');
      expect(await sam.closed).toEqual({ code: 4401, reason: 'password reset' });

      const riley = await connected('riley@example.com');
      await agentsCli(['disable', 'riley@example.com']);
      expect(await riley.closed).toEqual({ code: 4401, reason: 'account disabled' });

      for (const token of [alex.token, sam.token, riley.token])
        expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
    });
  },
);
