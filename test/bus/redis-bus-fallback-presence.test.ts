/**
 * Two nodes' buses on one PostgreSQL, their Redis killed: a node's presence heartbeat goes
 * over NOTIFY alone, and with 600 agents and 600 customers it is far more than one NOTIFY's
 * 8000 bytes. It goes in parts (src/bus/presence-parts.ts), and the other node, and
 * `baton agents list`'s reader on the same channel, put them together: every agent and
 * customer is seen. Real PostgreSQL, a Redis of the test's own (killed with SIGKILL).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgentId } from '../../src/app/auth/account-rules.ts';
import type { EventBus } from '../../src/bus/event-bus.ts';
import { readClusterPresence } from '../../src/bus/read-cluster-presence.ts';
import { PresenceIdTooLong } from '../../src/bus/presence-parts.ts';
import { createRedisBus } from '../../src/bus/redis-bus.ts';
import { createPgNotifyTransport, loadChangeFrom } from '../../src/store/pg-notify-transport.ts';
import { pgPresenceChannel } from '../../src/store/pg-presence.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import {
  PRIVATE_REDIS_SKIP_REASON,
  startPrivateRedis,
  type PrivateRedis,
} from '../helpers/cluster/private-redis.ts';
import { until } from '../helpers/until.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const skip = PRIVATE_REDIS_SKIP_REASON ?? postgres?.skipReason ?? null;
const HEARTBEAT_MS = 300;

describe.skipIf(skip)('presence over the NOTIFY fallback, Redis down', () => {
  const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
  let opened: OpenedTestStore;
  let redis: PrivateRedis;
  let a: EventBus;
  let b: EventBus;
  const notifyErrors: unknown[] = [];
  const leftOut: PresenceIdTooLong[] = [];

  const node = (onError: (error: unknown) => void) =>
    createRedisBus({
      url: redis.url,
      prefix,
      heartbeatMs: HEARTBEAT_MS,
      // Redis errors are the outage itself; only the fallback path's are counted.
      onError: (error) => {
        if (error instanceof PresenceIdTooLong) leftOut.push(error);
      },
      fallback: {
        transport: createPgNotifyTransport({
          url: opened.url,
          db: opened.store.db,
          prefix,
          onError,
        }),
        loadChange: loadChangeFrom(opened.store.conversations),
      },
    });

  beforeAll(async () => {
    opened = await (postgres as NonNullable<typeof postgres>).open();
    redis = await startPrivateRedis();
    a = await node((error) => notifyErrors.push(error));
    b = await node((error) => notifyErrors.push(error));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
    await opened?.cleanup();
  });

  it('puts a heartbeat of 600 agents and 600 customers back together on the other node', async () => {
    await redis.kill();
    for (const bus of [a, b])
      await until(() =>
        bus.health?.().some((h) => h.dependency === 'redis' && !h.up) ? true : undefined,
      );

    // 600 ids of 34 characters each list: about 44 kB, six NOTIFYs' worth.
    const agents = Array.from({ length: 600 }, () => newAgentId());
    const customers = Array.from({ length: 600 }, () => `conv_${randomBytes(12).toString('hex')}`);
    a.cluster?.announce({ agents, customers });

    const seen = await until(() => {
      const ids = b.cluster?.agentIds() ?? new Set<string>();
      return ids.size === agents.length ? ids : undefined;
    });
    expect([...seen].sort()).toEqual([...agents].sort());
    expect(customers.filter((id) => !b.cluster?.hasCustomer(id))).toEqual([]);

    // The CLI's reader on the same channel hears the nodes' heartbeats, parts and all.
    const read = await readClusterPresence(
      pgPresenceChannel({
        url: opened.url,
        db: opened.store.db,
        prefix,
        onError: (error) => notifyErrors.push(error),
      }),
      HEARTBEAT_MS,
    );
    expect([...read].sort()).toEqual([...agents].sort());

    // Fewer again: the next heartbeat replaces the whole, not one part of it.
    a.cluster?.announce({ agents: agents.slice(0, 3), customers: [] });
    await until(() => (b.cluster?.agentIds().size === 3 ? true : undefined));
    expect(b.cluster?.hasCustomer(customers[0] as string)).toBe(false);
    expect(notifyErrors).toEqual([]);
  });

  // Runs after the test above: Redis is down, presence goes over NOTIFY alone.
  it('an id too long for one NOTIFY is left out and reported; the heartbeat still arrives', async () => {
    const agents = Array.from({ length: 300 }, () => newAgentId());
    const huge = `a_${'0'.repeat(9000)}`;
    a.cluster?.announce({ agents: [huge, ...agents], customers: [] });
    const seen = await until(() => {
      const ids = b.cluster?.agentIds() ?? new Set<string>();
      return ids.size === agents.length ? ids : undefined;
    });
    expect([...seen].sort()).toEqual([...agents].sort());
    expect(leftOut[0]?.id).toBe(huge);
    expect(notifyErrors).toEqual([]);
  });
});
