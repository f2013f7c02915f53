/**
 * When nothing tells a running server that an agent's sessions ended in the database (on
 * SQLite without Redis, `baton agents disable` or a password or two-factor reset from the
 * CLI; on PostgreSQL, a notice missed while its listening connection was down), the open
 * inbox socket is closed by the server's own session check, `auth.sessionCheckMs` (30 s by
 * default, 200 ms here), with 4401 and the check's reason. The sessions are ended by the
 * store call the command makes, without its notice, so no hub hears of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('the session check without Redis ($name)', (database) => {
  let s: TestServer;

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name, env: { BATON_SESSION_CHECK_MS: '200' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  // With the 30 s default the close would not come within the test's 10 s.
  it.skipIf(database.skipReason)(
    'closes an open inbox socket of a disabled agent with 4401 at its next check',
    { timeout: 10_000 },
    async () => {
      const token = await login(s.baseUrl, 'riley@example.com', DEMO_PASSWORD);
      const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
        'baton',
        `baton.token.${token}`,
      ]);
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
      );
      const riley = await s.server.store.agents.findByEmail('riley@example.com');
      if (!riley) throw new Error('the demo team has no riley@example.com');
      // What `baton agents disable` does to the database (src/cli/commands/agents.ts).
      await s.server.store.agents.disable(riley.id, new Date());
      // The hub was not told: the reason is the session check's, not "account disabled".
      expect(await closed).toEqual({ code: 4401, reason: 'session ended' });
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
    },
  );
});
