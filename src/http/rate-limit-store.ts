/**
 * A store for @fastify/rate-limit in Redis through node-redis (the plugin's own Redis store
 * wants ioredis), so that the nodes of a cluster count one client's requests together. While
 * Redis is down or a command goes unanswered for REDIS_TIMEOUT_MS, the store reports an error
 * and the plugin (`skipOnError`) lets the request through: no request waits on Redis.
 */
import { REDIS_TIMEOUT_MS, type SharedRedis } from '../app/limits/counters.ts';

// One window per key: the first request starts it, the rest count within it.
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { current, redis.call('PTTL', KEYS[1]) }
`;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin hands `child` at run time (its types name the route options instead). */
interface MergedRouteOptions {
  readonly routeInfo?: { readonly method?: string; readonly url?: string };
}

/** The store class the plugin constructs (`store` option), over this Redis and key prefix. */
export function redisRateLimitStore(redis: SharedRedis, prefix: string) {
  return class RedisRateLimitStore {
    constructor(
      _globalOptions?: unknown,
      private readonly key = `${prefix}:limit:http:`,
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      if (!redis.isUp()) return callback(new Error('Redis is down'));
      let answered = false;
      const answer: Callback = (error, result) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        callback(error, result);
      };
      const timer = setTimeout(() => answer(new Error('Redis did not answer')), REDIS_TIMEOUT_MS);
      redis.client
        .eval(INCREMENT, { keys: [this.key + key], arguments: [String(timeWindow)] })
        .then(
          (result) => {
            const [current, ttl] = result as [number, number];
            answer(null, { current, ttl: ttl > 0 ? ttl : timeWindow });
          },
          (error: unknown) => answer(error as Error),
        );
    }

    child(options: object): RedisRateLimitStore {
      const route = (options as MergedRouteOptions).routeInfo;
      return new RedisRateLimitStore(undefined, `${this.key}${route?.method}${route?.url}:`);
    }
  };
}
