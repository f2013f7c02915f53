/**
 * A server on PostgreSQL without Redis answers a presence reader over NOTIFY with every agent
 * whose inbox is open on it, however many: more than one NOTIFY's payload (8000 bytes) holds
 * go in parts (src/bus/presence-parts.ts), and the reader puts them together. Real
 * PostgreSQL, the real reader (src/bus/read-cluster-presence.ts).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import type { EventBus } from '../../src/bus/event-bus.ts';
import { readClusterPresence } from '../../src/bus/read-cluster-presence.ts';
import { newAgentId } from '../../src/app/auth/account-rules.ts';
import { pgPresenceChannel, withPgPresenceAnswers } from '../../src/store/pg-presence.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const HEARTBEAT_MS = 300;

describe.skipIf(!postgres || postgres.skipReason !== null)('presence answers over NOTIFY', () => {
  const prefix = `baton-test-${randomBytes(4).toString('hex')}`;
  let opened: OpenedTestStore;
  let bus: EventBus;
  const errors: unknown[] = [];

  beforeAll(async () => {
    opened = await (postgres as NonNullable<typeof postgres>).open();
    bus = await withPgPresenceAnswers(createInProcessBus(), {
      url: opened.url,
      db: opened.store.db,
      prefix,
      heartbeatMs: HEARTBEAT_MS,
      onError: (error) => errors.push(error),
    });
  });
  afterAll(async () => {
    await bus?.close();
    await opened?.cleanup();
  });

  const read = () =>
    readClusterPresence(
      pgPresenceChannel({
        url: opened.url,
        db: opened.store.db,
        prefix,
        onError: (error) => errors.push(error),
      }),
      HEARTBEAT_MS,
    );

  it('answers with the open inboxes, in parts when one NOTIFY cannot hold them', async () => {
    const few = [newAgentId(), newAgentId()];
    bus.cluster?.announce({ agents: few, customers: [] });
    expect([...(await read())].sort()).toEqual([...few].sort());

    // 600 ids of 34 characters: about 22 kB, three NOTIFYs' worth.
    const many = Array.from({ length: 600 }, () => newAgentId());
    bus.cluster?.announce({ agents: many, customers: [] });
    expect([...(await read())].sort()).toEqual([...many].sort());

    bus.cluster?.announce({ agents: [], customers: [] });
    expect((await read()).size).toBe(0);
    expect(errors).toEqual([]);
  });
});
