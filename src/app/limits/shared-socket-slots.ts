/**
 * Open sockets counted across the nodes of a cluster through Redis. Each node keeps its own
 * counts in a Redis hash that expires unless the node refreshes it (a heartbeat every third
 * of `ttlSeconds`), and lists itself in a sorted set scored by that expiry; an upgrade adds up
 * the hashes of the live nodes and takes its places in one script (one round trip, atomic, so
 * two nodes cannot both take the last place). A closing socket gives its place back at once;
 * a node killed without cleanup stops counting when its hash expires.
 *
 * The node's own count in memory (SocketSlots) is the truth the hash mirrors. While Redis
 * cannot answer (closed, a command unanswered for REDIS_TIMEOUT_MS, or down as the bus sees
 * it) the node decides from its own count alone, and the next heartbeat once Redis answers
 * rewrites the hash from memory.
 */
import { randomUUID } from 'node:crypto';
import { REDIS_TIMEOUT_MS, type SharedRedis } from './counters.ts';
import { SocketSlots, type ReleaseSlots, type SocketLimit } from './socket-slots.ts';

export interface SharedSocketSlotsOptions {
  /** Redis keys start with it. */
  readonly name: string;
  readonly limitOf: (key: string) => number;
  readonly redis: SharedRedis;
  /** How long a node's counts outlive its last heartbeat. */
  readonly ttlSeconds: number;
}

const NOW_MS = `local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)`;

/** KEYS: nodes, own hash. ARGV: hash prefix, node id, ttl ms, then key, limit pairs. */
const RESERVE = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nodes = redis.call('ZRANGE', KEYS[1], 0, -1)
for i = 4, #ARGV, 2 do
  local total = 0
  for _, node in ipairs(nodes) do
    total = total + (tonumber(redis.call('HGET', ARGV[1] .. node, ARGV[i])) or 0)
  end
  if total >= tonumber(ARGV[i + 1]) then return 0 end
end
for i = 4, #ARGV, 2 do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** KEYS: own hash. ARGV: the keys whose place is given back. */
const RELEASE = `for i = 1, #ARGV do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 1`;

/**
 * KEYS: nodes, own hash. ARGV: node id, ttl ms, '1' to rewrite, then key, count pairs.
 * Answers 0 when the hash is missing (it expired, or Redis lost it).
 */
const HEARTBEAT = `${NOW_MS}
if ARGV[3] == '1' then
  redis.call('DEL', KEYS[2])
  for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
local kept = redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return kept`;

/** KEYS: nodes, own hash. ARGV: node id. */
const LEAVE = `redis.call('DEL', KEYS[2]) redis.call('ZREM', KEYS[1], ARGV[1]) return 1`;

export class SharedSocketSlots implements SocketLimit {
  private readonly local: SocketSlots;
  private readonly node = randomUUID();
  private readonly nodesKey: string;
  private readonly ownKey: string;
  private readonly ttlMs: string;
  private readonly timer: NodeJS.Timeout;
  /** The hash may differ from memory (a command failed or was not sent): rewrite it. */
  private stale = false;
  /** Reserve scripts sent and not yet settled: a rewrite meanwhile could miss one. */
  private inFlight = 0;

  constructor(private readonly options: SharedSocketSlotsOptions) {
    this.local = new SocketSlots(options.limitOf);
    this.nodesKey = `${options.name}:nodes`;
    this.ownKey = `${options.name}:node:${this.node}`;
    this.ttlMs = String(options.ttlSeconds * 1000);
    this.timer = setInterval(() => void this.heartbeat(), (options.ttlSeconds * 1000) / 3);
    this.timer.unref();
  }

  async reserve(keys: readonly string[]): Promise<ReleaseSlots | null> {
    // Nothing to count (an agent watching a customer's stream): no round trip.
    if (keys.length === 0) return this.local.take(keys);
    if (!this.options.redis.isUp()) {
      this.stale = true;
      return this.wrap(this.local.acquire(keys), keys, false);
    }
    const limits = keys.flatMap((key) => [key, String(this.options.limitOf(key))]);
    this.inFlight += 1;
    const sent = this.send(
      RESERVE,
      [this.nodesKey, this.ownKey],
      [`${this.options.name}:node:`, this.node, this.ttlMs, ...limits],
    );
    void sent.settled.then(() => (this.inFlight -= 1));
    const answer = await sent.answer;
    if (answer === undefined) {
      // No answer in time: this node decides alone; the script may still run, so rewrite.
      this.stale = true;
      return this.wrap(this.local.acquire(keys), keys, false);
    }
    return answer === 1 ? this.wrap(this.local.take(keys), keys, true) : null;
  }

  /** Stops the heartbeat without giving back this node's places (as a killed node would). */
  stopHeartbeat(): void {
    clearInterval(this.timer);
  }

  async close(): Promise<void> {
    this.stopHeartbeat();
    if (this.options.redis.isUp())
      await this.send(LEAVE, [this.nodesKey, this.ownKey], [this.node]).answer;
  }

  /** Refreshes this node's expiry, and rewrites its hash from memory when it may differ. */
  async heartbeat(): Promise<void> {
    if (!this.options.redis.isUp()) {
      this.stale = true;
      return;
    }
    const rewrite = this.stale && this.inFlight === 0;
    if (rewrite) this.stale = false;
    const answer = await this.send(
      HEARTBEAT,
      [this.nodesKey, this.ownKey],
      [this.node, this.ttlMs, rewrite ? '1' : '0', ...(rewrite ? this.local.entries() : [])],
    ).answer;
    // A hash missing while this node holds sockets (it expired during a pause): rewrite it.
    if (answer === undefined || (answer === 0 && this.local.entries().length > 0))
      this.stale = true;
  }

  /** Gives the places back in memory, and in Redis when Redis counted them (`counted`). */
  private wrap(
    release: ReleaseSlots | null,
    keys: readonly string[],
    counted: boolean,
  ): ReleaseSlots | null {
    if (!release) return null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      if (!counted || !this.options.redis.isUp()) {
        this.stale = true;
        return;
      }
      void this.send(RELEASE, [this.ownKey], [...keys]).answer.then((answer) => {
        if (answer === undefined) this.stale = true;
      });
    };
  }

  /** Runs a script; `answer` is undefined when Redis failed or took over REDIS_TIMEOUT_MS. */
  private send(
    script: string,
    keys: string[],
    args: string[],
  ): { answer: Promise<unknown>; settled: Promise<unknown> } {
    const settled = Promise.resolve()
      .then(() => this.options.redis.client.eval(script, { keys, arguments: args }))
      .catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), REDIS_TIMEOUT_MS);
    });
    const answer = Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
    return { answer, settled };
  }
}
