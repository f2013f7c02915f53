/**
 * `baton agents reset-totp`, `update --password-stdin` and `disable` end the agent's sessions
 * and, on a cluster (PostgreSQL + Redis), close their open inbox sockets at once: the command
 * publishes the end on the bus's sessions channel, and the server closes each socket with
 * 4401 and the reason. The old token is refused afterwards, over HTTP and on a new socket.
 * The server's own session check runs every 30 s from the socket's opening, so a close
 * sooner than that is the command's doing.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { openSocket, RefusedUpgrade, type TestSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';

const run = promisify(execFile);
const skip =
  TEST_DATABASES.find((d) => d.name === 'postgres')?.skipReason ?? REDIS_SKIP_REASON ?? null;
const SESSION_CHECK_MS = 30_000;

describe.skipIf(skip)('baton agents closes the agent’s sockets', { timeout: 120_000 }, () => {
  const database = `trust_${randomBytes(5).toString('hex')}`;
  const url = postgresDatabaseUrl(database);
  const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
  let s: TestServer;

  const agentsCli = (args: string[], input = '') => {
    const child = run(process.execPath, ['bin/baton.mjs', 'agents', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        REDIS_URL,
        BATON_REDIS_PREFIX: prefix,
        FORCE_COLOR: '0',
      },
    });
    child.child.stdin?.end(input);
    return child;
  };

  /** A logged-in agent with an inbox socket open; resolves the socket's close. */
  async function connected(email: string) {
    const token = await login(s.baseUrl, email, DEMO_PASSWORD);
    const socket: TestSocket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
      'baton',
      `baton.token.${token}`,
    ]);
    const openedAt = Date.now();
    const closed = new Promise<{ code: number; reason: string; afterMs: number }>((resolve) =>
      socket.ws.once('close', (code, reason) =>
        resolve({ code, reason: String(reason), afterMs: Date.now() - openedAt }),
      ),
    );
    return { token, closed };
  }

  async function refusedEverywhere(token: string): Promise<void> {
    expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
    const upgrade = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
      'baton',
      `baton.token.${token}`,
    ]).then(
      async (socket) => {
        await socket.close();
        return 'accepted';
      },
      (error: unknown) => (error instanceof RefusedUpgrade ? error.statusCode : String(error)),
    );
    expect(upgrade).toBe(401);
  }

  beforeAll(async () => {
    await postgresAdmin(`create database ${database}`);
    s = await startTestServer({
      database: { url },
      env: { REDIS_URL, BATON_REDIS_PREFIX: prefix },
    });
  });
  afterAll(async () => {
    await s?.close();
    await postgresAdmin(`drop database if exists ${database} with (force)`);
  });

  it('reset-totp', async () => {
    const alex = await connected('alex@example.com');
    const cli = await agentsCli(['reset-totp', 'alex@example.com']);
    expect(cli.stdout).toMatch(/session\(s\) ended/);
    const closed = await alex.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'two-factor reset' });
    expect(closed.afterMs).toBeLessThan(SESSION_CHECK_MS);
    await refusedEverywhere(alex.token);
  });

  it('update --password-stdin', async () => {
    const sam = await connected('sam@example.com');
    await agentsCli(['update', 'sam@example.com', '--password-stdin'], 'a-new-long-password\n');
    const closed = await sam.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'password reset' });
    expect(closed.afterMs).toBeLessThan(SESSION_CHECK_MS);
    await refusedEverywhere(sam.token);
    expect(await login(s.baseUrl, 'sam@example.com', 'a-new-long-password')).toEqual(
      expect.any(String),
    );
  });

  it('disable', async () => {
    const riley = await connected('riley@example.com');
    const cli = await agentsCli(['disable', 'riley@example.com']);
    expect(cli.stdout).toMatch(/disabled riley@example.com/);
    const closed = await riley.closed;
    expect(closed).toMatchObject({ code: 4401, reason: 'account disabled' });
    expect(closed.afterMs).toBeLessThan(SESSION_CHECK_MS);
    await refusedEverywhere(riley.token);
  });
});
