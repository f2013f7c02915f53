/**
 * Open sockets counted across nodes through Redis (src/app/limits/shared-socket-slots.ts):
 * the places taken on any live node count together, a node whose counts are no longer
 * refreshed stops counting when they expire, and without Redis each node counts alone.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedSocketSlots } from '../../src/app/limits/shared-socket-slots.ts';
import type { SharedRedis } from '../../src/app/limits/counters.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { until } from '../helpers/until.ts';

const slotsFor = (redis: SharedRedis, name: string, limit: number, ttlSeconds = 30) =>
  new SharedSocketSlots({ name, limitOf: () => limit, redis, ttlSeconds });

describe.skipIf(REDIS_SKIP_REASON)('socket places shared through Redis', () => {
  const client = createClient({ url: REDIS_URL, disableOfflineQueue: true });
  const redis: SharedRedis = { client, isUp: () => true };
  beforeAll(async () => {
    await client.connect();
  });
  afterAll(async () => {
    await client.close();
  });
  const name = () => `baton-test-${randomBytes(4).toString('hex')}:limit:sockets:customer`;

  it('counts the places taken on two nodes together, and a closed socket frees one', async () => {
    const prefix = name();
    const a = slotsFor(redis, prefix, 2);
    const b = slotsFor(redis, prefix, 2);
    const first = await a.reserve(['conversation:c']);
    expect(first).not.toBeNull();
    expect(await b.reserve(['conversation:c'])).not.toBeNull();
    expect(await a.reserve(['conversation:c'])).toBeNull();
    expect(await b.reserve(['conversation:c'])).toBeNull();
    // Another key has its own count.
    expect(await b.reserve(['conversation:d'])).not.toBeNull();
    first!();
    await until(async () => (await b.reserve(['conversation:c'])) ?? undefined);
    expect(await a.reserve(['conversation:c'])).toBeNull();
    await a.close();
    await b.close();
  });

  it('gives the last place to one of two nodes asking at once', async () => {
    const prefix = name();
    const a = slotsFor(redis, prefix, 1);
    const b = slotsFor(redis, prefix, 1);
    const both = await Promise.all([a.reserve(['ip:10.0.0.9']), b.reserve(['ip:10.0.0.9'])]);
    expect(both.filter((release) => release !== null)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('stops counting a node whose counts are no longer refreshed', async () => {
    const prefix = name();
    const dead = slotsFor(redis, prefix, 1, 1);
    const live = slotsFor(redis, prefix, 1, 1);
    expect(await dead.reserve(['ip:10.0.0.1'])).not.toBeNull();
    // Killed: no heartbeat, no clean-up; its place is held until its counts expire.
    dead.stopHeartbeat();
    expect(await live.reserve(['ip:10.0.0.1'])).toBeNull();
    await until(async () => (await live.reserve(['ip:10.0.0.1'])) ?? undefined);
    await live.close();
  });

  it('keeps a live node counted past the expiry through its heartbeat', async () => {
    const prefix = name();
    const a = slotsFor(redis, prefix, 1, 3);
    const b = slotsFor(redis, prefix, 1, 3);
    expect(await a.reserve(['ip:10.0.0.2'])).not.toBeNull();
    expect(await b.reserve(['ip:10.0.0.3'])).not.toBeNull();
    // Past an expiry (3 s; a beat each second), a's place still counts: its heartbeat refreshed it.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await b.reserve(['ip:10.0.0.2'])).toBeNull();
    await a.close();
    // A node that stops cleanly takes its counts out of Redis at once.
    expect(await client.keys(`${prefix}:node:*`)).toHaveLength(1);
    await b.close();
  });

  it('writes its counts again when its hash went missing while it lived', async () => {
    const prefix = name();
    const a = slotsFor(redis, prefix, 1);
    const b = slotsFor(redis, prefix, 1);
    expect(await a.reserve(['conversation:f'])).not.toBeNull();
    a.stopHeartbeat();
    await client.del(await client.keys(`${prefix}:node:*`));
    // Lost from Redis: the other node no longer counts it...
    const taken = await b.reserve(['conversation:f']);
    expect(taken).not.toBeNull();
    taken!();
    // ...until a's next heartbeats find the hash missing and write it again.
    await a.heartbeat();
    await a.heartbeat();
    expect(await b.reserve(['conversation:f'])).toBeNull();
    await a.close();
    await b.close();
  });

  it('writes the places taken while the bus found Redis down at the next heartbeat', async () => {
    const prefix = name();
    let up = false;
    const a = slotsFor({ client, isUp: () => up }, prefix, 1);
    const b = slotsFor(redis, prefix, 1);
    expect(await a.reserve(['conversation:e'])).not.toBeNull();
    expect(await b.reserve(['conversation:e'])).not.toBeNull();
    up = true;
    await a.heartbeat();
    // Both places are in Redis now: a is full, as it would be on its own.
    expect(await a.reserve(['conversation:e'])).toBeNull();
    await a.close();
    await b.close();
  });
});

describe('socket places while Redis cannot be reached', () => {
  it('counts on each node alone', async () => {
    // Never connected, no offline queue: every Redis command fails at once.
    const client = createClient({ url: 'redis://127.0.0.1:9', disableOfflineQueue: true });
    const redis: SharedRedis = { client, isUp: () => true };
    const a = slotsFor(redis, 'offline', 1);
    const b = slotsFor(redis, 'offline', 1);
    const release = await a.reserve(['conversation:c']);
    expect(release).not.toBeNull();
    expect(await b.reserve(['conversation:c'])).not.toBeNull();
    expect(await a.reserve(['conversation:c'])).toBeNull();
    release!();
    expect(await a.reserve(['conversation:c'])).not.toBeNull();
    a.stopHeartbeat();
    b.stopHeartbeat();
  });

  it.skipIf(REDIS_SKIP_REASON)('counts on each node alone while Redis hangs', async () => {
    const target = new URL(REDIS_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const client = createClient({
      url: `redis://127.0.0.1:${proxy.port}`,
      disableOfflineQueue: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    const prefix = `baton-test-${randomBytes(4).toString('hex')}:limit:sockets:customer`;
    const a = slotsFor({ client, isUp: () => true }, prefix, 1);
    const b = slotsFor({ client, isUp: () => true }, prefix, 1);
    try {
      proxy.freeze();
      // Each upgrade waits REDIS_TIMEOUT_MS for an answer, then the node's own count decides.
      expect(await a.reserve(['conversation:h'])).not.toBeNull();
      expect(await b.reserve(['conversation:h'])).not.toBeNull();
      expect(await a.reserve(['conversation:h'])).toBeNull();
    } finally {
      a.stopHeartbeat();
      b.stopHeartbeat();
      proxy.restore();
      await client.close();
      await proxy.close();
    }
  });
});
