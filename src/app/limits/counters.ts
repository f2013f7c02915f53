/**
 * Windowed counters (rate-limiter-flexible): in this process, or in Redis when the nodes of a
 * cluster must share them. A Redis counter counts in memory instead (the library's insurance
 * limiter) whenever Redis cannot answer: its connection is closed, a command gets no answer
 * within REDIS_TIMEOUT_MS (a connection that hangs), or the bus already knows Redis is down.
 * So a Redis outage loosens a limit to per node, and never refuses, admits or stalls everyone.
 */
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * A node-redis client (`@redis/client`), its offline queue disabled so that a command fails
 * at once while Redis is away instead of waiting for it. Named by the one method the HTTP
 * rate limit's store calls; the counters use the rest of the client.
 */
export interface CounterRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Redis for the counters the nodes share, and whether it is reachable as the bus sees it. */
export interface SharedRedis {
  readonly client: CounterRedis;
  readonly isUp: () => boolean;
}

/** How long a Redis command may take before the counter answers from memory instead. */
export const REDIS_TIMEOUT_MS = 500;

export interface CounterOptions {
  /** Keys start with it, in memory and in Redis. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
  /**
   * Answer a key over its limit from memory until its window ends, so that a flood does not
   * cost a Redis round trip per refusal. Not for counters whose window is shortened later.
   */
  readonly blockInMemory?: boolean;
}

/** What a limit needs of a counter; `consume` rejects with a RateLimiterRes when over. */
export type Counter = Pick<RateLimiterAbstract, 'consume' | 'block' | 'delete'>;

/** What consuming a point gave: allowed, or refused with how long until it would pass. */
export type Taken = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** One counter in memory, or shared in Redis (`shared` given) with a memory insurance. */
export function createCounter(options: CounterOptions, shared?: SharedRedis): Counter {
  const base = {
    keyPrefix: options.name,
    points: options.points,
    duration: options.windowSeconds,
  };
  const memory = new RateLimiterMemory(base);
  if (!shared) return memory;
  const redis = new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({
      ...base,
      storeClient: shared.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      ...(options.blockInMemory ? { inMemoryBlockOnConsumed: options.points + 1 } : {}),
    }),
    timeoutMs: REDIS_TIMEOUT_MS,
    insuranceLimiter: memory,
  });
  const now = () => (shared.isUp() ? redis : memory);
  return {
    consume: (key, points, consumeOptions) => now().consume(key, points, consumeOptions),
    block: (key, seconds, blockOptions) => now().block(key, seconds, blockOptions),
    delete: (key, deleteOptions) => now().delete(key, deleteOptions),
  };
}

/** Consumes one point of `key`; a refusal is a value, never an exception. */
export async function take(counter: Counter, key: string): Promise<Taken> {
  try {
    await counter.consume(key);
    return { ok: true };
  } catch (result) {
    if (result instanceof RateLimiterRes)
      return { ok: false, retryAfterMs: Math.max(1, result.msBeforeNext) };
    throw result;
  }
}
