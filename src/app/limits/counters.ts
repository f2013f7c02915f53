/**
 * Windowed counters (rate-limiter-flexible): in this process, or in Redis when the nodes of a
 * cluster must share them. A Redis counter falls back to one in memory while Redis cannot
 * be reached (the library's insurance limiter), so a Redis outage loosens a limit to per
 * node and never refuses or admits everyone.
 */
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * A connected node-redis client (`@redis/client`), its offline queue disabled so that a
 * command fails at once while Redis is away instead of waiting for it. Named by the one
 * method the HTTP rate limit's store calls; the counters use the rest of the client.
 */
export interface CounterRedis {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

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

/** What consuming a point gave: allowed, or refused with how long until it would pass. */
export type Taken = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** One counter in memory, or shared in Redis (`redis` given) with a memory insurance. */
export function createCounter(options: CounterOptions, redis?: CounterRedis): RateLimiterAbstract {
  const base = {
    keyPrefix: options.name,
    points: options.points,
    duration: options.windowSeconds,
  };
  const memory = new RateLimiterMemory(base);
  if (!redis) return memory;
  return new RateLimiterRedis({
    ...base,
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
    ...(options.blockInMemory ? { inMemoryBlockOnConsumed: options.points + 1 } : {}),
  });
}

/** Consumes one point of `key`; a refusal is a value, never an exception. */
export async function take(counter: RateLimiterAbstract, key: string): Promise<Taken> {
  try {
    await counter.consume(key);
    return { ok: true };
  } catch (result) {
    if (result instanceof RateLimiterRes)
      return { ok: false, retryAfterMs: Math.max(1, result.msBeforeNext) };
    throw result;
  }
}
