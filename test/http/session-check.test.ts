/**
 * Without Redis nothing tells a running server that `baton agents disable` (or a password or
 * two-factor reset from the CLI) ended an agent's sessions in the database: the open inbox
 * socket is closed by the server's own session check, `auth.sessionCheckMs` (30 s by
 * default, 200 ms here), with 4401 and the check's reason. The sessions are ended by the
 * store call the command makes, from outside the server's services, so no hub hears of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('the session check without Redis (SQLite)', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer({ env: { BATON_SESSION_CHECK_MS: '200' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  // With the 30 s default the close would not come within the test's 10 s.
  it(
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
