/** The same app driven in-process with Fastify's inject: limits that need no socket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('in-process limits on $name', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name, env: { BATON_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'rate-limits starting conversations per client with a clear error',
    async () => {
      const statuses: number[] = [];
      let last: any;
      for (let i = 0; i < 7; i++) {
        const r = await s.server.app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          payload: {},
        });
        statuses.push(r.statusCode);
        last = r.json();
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      expect(last.error.code).toBe('RATE_LIMITED');
      expect(last.error.message).toMatch(/retry in \d+ s/);
    },
  );

  it.skipIf(database.skipReason)(
    'rate-limits log-in requests per client address at 20 a minute, whichever accounts they name',
    async () => {
      // A fresh email each time: the per-account lockout (5 wrong passwords) never trips, so
      // the 429 is the address's limit (docs/security.md, "Limits").
      const statuses: number[] = [];
      let last: any;
      for (let i = 0; i < 21; i++) {
        const r = await s.server.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '198.51.100.20',
          payload: { email: `guess-${i}@example.com`, password: 'wrong-password' },
        });
        statuses.push(r.statusCode);
        last = r.json();
      }
      expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
      expect(last.error.code).toBe('RATE_LIMITED');
      // Another address is counted apart.
      const other = await s.server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.21',
        payload: { email: 'guess-other@example.com', password: 'wrong-password' },
      });
      expect(other.statusCode).toBe(401);
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a body over the size limit with 413 before parsing it',
    async () => {
      const r = await s.server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(70_000) }),
      });
      expect(r.statusCode).toBe(413);
      expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    },
  );

  it.skipIf(database.skipReason)('answers every unknown route with the error body', async () => {
    const r = await s.server.app.inject({ method: 'DELETE', url: '/api/v1/conversations' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
