/**
 * A server whose start fails after its bus connected and its app was built leaves nothing
 * open behind it: no PostgreSQL connection to its database (pool, the bus's LISTEN), no
 * Redis subscriber on its channels, no SMTP listener (opened by the background work). The
 * failure is real: the log refuses the line that a demo agent was created, the last step of
 * the start. A failure inside the build: build-failure.test.ts. Real PostgreSQL and Redis.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, describe, expect, it } from 'vitest';
import { accepts } from '../helpers/cluster/free-port.ts';
import {
  postgresAdmin,
  postgresDatabaseUrl,
  POSTGRES_URL,
  TEST_DATABASES,
  withPostgresClient,
} from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { startFailingAt } from '../helpers/test-server.ts';

const skip = TEST_DATABASES.find((d) => d.name === 'postgres')?.skipReason ?? REDIS_SKIP_REASON;

describe.skipIf(skip)('a start that fails after the bus connected', { timeout: 120_000 }, () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const d of databases) await postgresAdmin(`drop database if exists ${d} with (force)`);
  });

  it('after the build, once the background work runs: closes every connection and listener', async () => {
    const database = `buildfail_${randomBytes(5).toString('hex')}`;
    databases.push(database);
    await postgresAdmin(`create database ${database}`);
    const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
    const { failing, smtpPort } = await startFailingAt('demo agent created', {
      database: { url: postgresDatabaseUrl(database) },
      env: { LOG_LEVEL: 'info', REDIS_URL, BATON_REDIS_PREFIX: prefix },
    });
    await expect(failing).rejects.toThrow('log destination failed');

    expect(await accepts(smtpPort)).toBe(false);
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const subscribers = await redis.pubSubNumSub([`${prefix}:changes`, `${prefix}:presence`]);
      expect(subscribers).toEqual({ [`${prefix}:changes`]: 0, [`${prefix}:presence`]: 0 });
    } finally {
      await redis.close();
    }
    const connections = await withPostgresClient(POSTGRES_URL, async (client) => {
      const r = await client.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [database],
      );
      return (r.rows[0] as { n: number }).n;
    });
    expect(connections).toBe(0);
  });
});
