/**
 * The HTTP rate limit's Redis store (src/http/rate-limit-store.ts): two servers on one Redis
 * count one client together; while Redis cannot be reached or hangs, requests pass (each
 * is served rather than every client being refused or kept waiting).
 */
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { CounterRedis } from '../../src/app/limits/counters.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { createHttpServer } from '../../src/http/http-server.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';

async function serverOn(redis: CounterRedis, prefix: string): Promise<FastifyInstance> {
  const loaded = loadConfig({ cwd: process.cwd(), env: { BATON_REDIS_PREFIX: prefix } });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const app = await createHttpServer(loaded.config, false, { client: redis, isUp: () => true });
  app.get('/limited', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, () => 'ok');
  app.get(
    '/also-limited',
    { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } },
    () => 'ok',
  );
  await app.ready();
  return app;
}

const get = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: '/limited' })).statusCode;

describe('HTTP rate limit in Redis', () => {
  const opened: Array<{ close(): Promise<unknown> }> = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it.skipIf(REDIS_SKIP_REASON)('counts one client on two servers together', async () => {
    const redis = createClient({ url: REDIS_URL, disableOfflineQueue: true });
    await redis.connect();
    opened.push(redis);
    const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
    const a = await serverOn(redis, prefix);
    const b = await serverOn(redis, prefix);
    opened.push(a, b);
    expect([await get(a), await get(b), await get(a)]).toEqual([200, 200, 429]);
  });

  it.skipIf(REDIS_SKIP_REASON)('counts each route apart, as the memory store does', async () => {
    // docs/security.md: starting a conversation, posting a message and rating it are limited
    // each on its own, so a client out of one still has the others.
    const redis = createClient({ url: REDIS_URL, disableOfflineQueue: true });
    await redis.connect();
    opened.push(redis);
    const app = await serverOn(redis, `baton-test-${randomBytes(4).toString('hex')}`);
    opened.push(app);
    const also = async () => (await app.inject({ method: 'GET', url: '/also-limited' })).statusCode;
    expect([await get(app), await get(app), await get(app)]).toEqual([200, 200, 429]);
    expect([await also(), await also(), await also()]).toEqual([200, 200, 429]);
  });

  it.skipIf(REDIS_SKIP_REASON)('lets requests through while Redis hangs', async () => {
    const target = new URL(REDIS_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const redis = createClient({
      url: `redis://127.0.0.1:${proxy.port}`,
      disableOfflineQueue: true,
    });
    redis.on('error', () => undefined);
    await redis.connect();
    const app = await serverOn(redis, `baton-test-${randomBytes(4).toString('hex')}`);
    proxy.freeze();
    try {
      expect([await get(app), await get(app), await get(app)]).toEqual([200, 200, 200]);
    } finally {
      proxy.restore();
      await app.close();
      await redis.close();
      await proxy.close();
    }
  });

  it('lets requests through while Redis cannot be reached', async () => {
    // Never connected, no offline queue: every command fails at once.
    const redis = createClient({ url: 'redis://127.0.0.1:9', disableOfflineQueue: true });
    const app = await serverOn(redis, 'baton-test-down');
    opened.push(app);
    expect([await get(app), await get(app), await get(app)]).toEqual([200, 200, 200]);
  });
});
