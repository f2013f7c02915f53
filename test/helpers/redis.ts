/**
 * Redis for the cluster tests: reachable at REDIS_URL (default 127.0.0.1:6379), or those
 * tests skip with the reason. Under CI=true an unreachable Redis is a failure, never a skip.
 */
import { createClient } from '@redis/client';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisSkipReason(): Promise<string | null> {
  const client = createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 2000, reconnectStrategy: false },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    const reason = `Redis not reachable at ${REDIS_URL}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: nothing may skip)`);
    return reason;
  } finally {
    if (client.isOpen) await client.close().catch(() => undefined);
  }
}

export const REDIS_SKIP_REASON = await redisSkipReason();
if (REDIS_SKIP_REASON) console.warn(`[skip] ${REDIS_SKIP_REASON}`);
