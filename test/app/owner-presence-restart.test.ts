// docs/routing.md, "No dead ends": after a node restart nobody is connected, and the owner's
// grace (routing.deadEnds.ownerGoneSeconds) counts from the new node's first check, not from
// some earlier time, so an inbox that reconnects within the grace keeps everything.
import { describe, expect, it } from 'vitest';
import { OwnerPresence } from '../../src/app/routing/owner-presence.ts';
import type { AgentRecord } from '../../src/core/records.ts';
import type { Store } from '../../src/store/store.ts';

const GRACE_MS = 60_000;

describe('the owner check after a restart', () => {
  it('counts the grace from its first sweep: nothing moves before, all of it after', async () => {
    const alex = { id: 'a_alex', presence: 'online' } as AgentRecord;
    const released: string[] = [];
    const setOffline: string[] = [];
    // The store as the restarted node finds it: Alex online, holding two conversations.
    const store = {
      reads: { loadByAgent: async () => new Map([[alex.id, 2]]) },
      agents: {
        list: async () => [alex],
        setPresence: async (id: string, presence: string) => {
          setOffline.push(`${id}:${presence}`);
          return { ...alex, presence } as AgentRecord;
        },
      },
    } as unknown as Store;
    let now = Date.parse('2026-12-01T10:00:00Z');
    // A fresh OwnerPresence is what a restart makes: it has seen nobody go.
    const owners = new OwnerPresence({
      store,
      clock: () => new Date(now),
      isConnected: () => false,
      graceMs: GRACE_MS,
      release: async (agent) => {
        released.push(agent.id);
        return 2;
      },
    });

    expect(await owners.sweep()).toBe(0);
    now += GRACE_MS - 1;
    expect(await owners.sweep()).toBe(0);
    expect({ released, setOffline }).toEqual({ released: [], setOffline: [] });
    now += 1;
    expect(await owners.sweep()).toBe(2);
    expect({ released, setOffline }).toEqual({
      released: ['a_alex'],
      setOffline: ['a_alex:offline'],
    });
  });
});
