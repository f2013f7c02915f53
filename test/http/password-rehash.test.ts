/**
 * An account whose password was hashed at the old scrypt cost (N=2^14) still logs in, and
 * the login stores a new hash at today's cost (N=2^17), which then works as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { oldCostHash } from '../helpers/old-password-hash.ts';
import { useRealPasswordCost } from '../helpers/real-password-cost.ts';

describe.each(TEST_DATABASES)('rehash on login ($name)', (database) => {
  useRealPasswordCost();
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)('upgrades an old hash transparently', async () => {
    const { store } = s.server;
    const agent = await store.agents.findByEmail('sam@example.com');
    if (!agent) throw new Error('demo agent missing');
    await store.agents.update(agent.id, { passwordHash: oldCostHash('an-old-password') });

    const wrong = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'sam@example.com', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect((await store.agents.findByEmail('sam@example.com'))?.passwordHash).toMatch(
      /^scrypt\$16384\$/,
    );

    await login(s.baseUrl, 'sam@example.com', 'an-old-password');
    const upgraded = (await store.agents.findByEmail('sam@example.com'))?.passwordHash;
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(upgraded).not.toContain('an-old-password');
    const again = await login(s.baseUrl, 'sam@example.com', 'an-old-password');
    expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: again })).body.agent.email).toBe(
      'sam@example.com',
    );
  });
});
