/**
 * The counters behind the limits (src/app/limits/counters.ts): in memory they refuse past
 * their points with how long to wait; backed by a Redis that is closed, hangs, or that the
 * bus finds down, they keep counting in memory (the insurance), so an outage neither
 * refuses, admits nor stalls everyone.
 */
import { createClient } from '@redis/client';
import { describe, expect, it } from 'vitest';
import { createCounter, take, type Counter } from '../../src/app/limits/counters.ts';
import { LoginLockout } from '../../src/app/limits/login-lockout.ts';
import { SocketSlots } from '../../src/app/limits/socket-slots.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { until } from '../helpers/until.ts';

describe('limit counters', () => {
  it('refuses past its points with the time left in the window', async () => {
    const counter = createCounter({ name: 't', points: 2, windowSeconds: 10 });
    expect(await take(counter, 'k')).toEqual({ ok: true });
    expect(await take(counter, 'k')).toEqual({ ok: true });
    const refused = await take(counter, 'k');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
    expect(!refused.ok && refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(await take(counter, 'other')).toEqual({ ok: true });
  });

  it('counts in memory while its Redis cannot be reached', async () => {
    // Never connected, no offline queue: every Redis command fails at once.
    const client = createClient({ url: 'redis://127.0.0.1:9', disableOfflineQueue: true });
    const counter = createCounter(
      { name: 't', points: 2, windowSeconds: 10 },
      { client, isUp: () => true },
    );
    expect(await takeThree(counter)).toEqual([true, true, false]);
  });

  it.skipIf(REDIS_SKIP_REASON)(
    'counts in memory when Redis hangs without closing, or the bus finds it down',
    async () => {
      const target = new URL(REDIS_URL);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
      const client = createClient({
        url: `redis://127.0.0.1:${proxy.port}`,
        disableOfflineQueue: true,
      });
      client.on('error', () => undefined);
      await client.connect();
      try {
        proxy.freeze();
        // Each command waits REDIS_TIMEOUT_MS for an answer, then the memory counter decides.
        const hung = createCounter(
          { name: `t-${Math.random()}`, points: 2, windowSeconds: 10 },
          { client, isUp: () => true },
        );
        expect(await takeThree(hung)).toEqual([true, true, false]);
        // The bus says Redis is down: Redis is not even asked.
        const down = createCounter(
          { name: `t-${Math.random()}`, points: 1, windowSeconds: 10 },
          { client, isUp: () => false },
        );
        expect(await takeThree(down)).toEqual([true, false, false]);
      } finally {
        proxy.restore();
        await client.close();
        await proxy.close();
      }
    },
  );
});

async function takeThree(counter: Counter): Promise<boolean[]> {
  const results = [];
  for (let i = 0; i < 3; i++) results.push((await take(counter, 'k')).ok);
  return results;
}

describe('socket slots', () => {
  it('takes a slot under every key or none, and gives them back once', () => {
    const slots = new SocketSlots((key) => (key.startsWith('ip:') ? 2 : 1));
    const first = slots.acquire(['conversation:a', 'ip:1']);
    expect(first).not.toBeNull();
    expect(slots.acquire(['conversation:a', 'ip:1'])).toBeNull();
    const second = slots.acquire(['conversation:b', 'ip:1']);
    expect(second).not.toBeNull();
    // The address is full although conversation c is not: nothing is taken for c.
    expect(slots.acquire(['conversation:c', 'ip:1'])).toBeNull();
    first!();
    first!();
    expect(slots.available(['conversation:c', 'ip:1'])).toBe(true);
    expect(slots.available(['conversation:b', 'ip:1'])).toBe(false);
  });
});

describe('login lockout', () => {
  it('caps the doubling lock at the longest one, whatever the case and spaces of the email', async () => {
    const lockout = new LoginLockout({
      failures: 1,
      windowMinutes: 15,
      lockSeconds: 1,
      maxLockSeconds: 1,
      prefix: 't',
    });
    expect(await lockout.attempt('a@example.com')).toEqual({ ok: true });
    expect(await lockout.attempt('a@example.com')).toEqual({ ok: false, retryAfterMs: 1000 });
    // The second lock would be 2 s; the longest is 1 s.
    await until(async () => ((await lockout.attempt('A@example.com ')).ok ? true : undefined));
    expect(await lockout.attempt('a@example.com')).toEqual({ ok: false, retryAfterMs: 1000 });
  });
});
