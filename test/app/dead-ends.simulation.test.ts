// Fault simulation over the real app layer (writer, state machine, workflow, router, timer
// handlers, owner-presence sweep), in-process on SQLite and PostgreSQL, with a seeded RNG and
// a fake clock: random customers and agents, and node restarts that rebuild the app over the
// same store. After every step the invariants of sim-invariants.ts must hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/sla/simulate/prng.ts';
import { toConversation } from '../../src/store/row-mapping.ts';
import type { Store } from '../../src/store/store.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { agentActs, arrive, customerActs, type Tally } from './simulation/sim-actions.ts';
import { violations } from './simulation/sim-invariants.ts';
import { buildNode, settle, type Outside } from './simulation/sim-world.ts';

const SEED = Number(process.env.SIM_SEED ?? 20261203);
// Sized for a shared 2-core machine (about 10 ms of CPU per step); SIM_CONVERSATIONS_* for more.
const TARGET: Record<string, number> = {
  sqlite: Number(process.env.SIM_CONVERSATIONS_SQLITE ?? 300),
  postgres: Number(process.env.SIM_CONVERSATIONS_POSTGRES ?? 150),
};
const OPEN_AT_ONCE = 40;
const SKILLS = ['billing', 'technical', 'retention', 'sales', 'trust_safety', 'general'];

describe.each(TEST_DATABASES)('no dead ends under faults on $name', (database) => {
  let opened: OpenedTestStore;
  let store: Store;
  beforeAll(async () => {
    if (database.skipReason) return;
    opened = await database.open();
    store = opened.store;
    const now = new Date('2026-12-01T09:00:00Z');
    for (let i = 0; i < 6; i++) {
      await store.agents.create({
        id: `a_${i}`,
        email: `agent${i}@example.com`,
        name: `Agent ${i}`,
        passwordHash: 'x',
        role: 'agent',
        skills: SKILLS.filter((_, k) => (k + i) % 2 === 0 || k === 5),
        maxConcurrent: 1 + (i % 3),
        now,
      });
    }
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it.skipIf(database.skipReason)(
    `holds every invariant after every step (seed ${SEED})`,
    async () => {
      const rng = createRng(SEED);
      const outside: Outside = {
        nowMs: Date.parse('2026-12-01T09:00:00Z'),
        agentsConnected: new Set(),
        customersConnected: new Set(),
      };
      let node = buildNode(store, outside);
      const agents = await store.agents.list();
      const tally: Tally = { created: 0, claimsRaced: 0, doubleWins: 0, steps: 0, restarts: 0 };
      const target = TARGET[database.name]!;
      while (tally.created < target) {
        tally.steps++;
        outside.nowMs += Math.floor(rng.next() * 90_000);
        const active = await openConversations(store);
        if (active.length < OPEN_AT_ONCE && rng.next() < 0.7) {
          await arrive(node, outside, rng);
          tally.created++;
        }
        const customer = active[Math.floor(rng.next() * active.length)];
        if (customer) await customerActs(node, outside, rng, customer, tally);
        for (const agent of agents) {
          if (rng.next() < 0.5) await agentActs(node, outside, rng, agent, active, tally);
        }
        // Random restarts, and one certain restart so every run covers one (step order on
        // PostgreSQL depends on generated ids, so the random ones may all miss).
        if (rng.next() < 0.01 || tally.steps === 50) {
          // A node restart: a new app over the same store; every socket is gone.
          tally.restarts++;
          outside.agentsConnected.clear();
          outside.customersConnected.clear();
          node = buildNode(store, outside);
        }
        await settle(node);
        const broken = await violations(store, node.clock());
        if (broken.length > 0 && process.env.SIM_DEBUG) {
          const id = /c_[0-9a-f]{32}/.exec(broken[0]!)?.[0] ?? '';
          const ev = await store.conversations.eventsSince(id, 0);
          const ts = await store.db
            .selectFrom('timers')
            .selectAll()
            .where('conversation_id', '=', id)
            .execute();
          console.log(
            JSON.stringify(
              { ev: ev.map((e) => [e.seq, e.type, e.at, e.data.agentId, e.actor.id]), ts },
              null,
              1,
            ),
          );
        }
        if (broken.length > 0) {
          throw new Error(`step ${tally.steps} (seed ${SEED}): ${broken.slice(0, 5).join('; ')}`);
        }
      }
      console.info(`simulation on ${database.name}:`, JSON.stringify(tally));
      expect(tally.doubleWins).toBe(0);
      // The run exercised what it claims to: restarts, races, every agent behaviour.
      expect(tally.restarts).toBeGreaterThan(0);
      expect(tally.claimsRaced).toBeGreaterThan(0);
      for (const action of ['accepts', 'declines', 'transfers', 'returnsToBot', 'resolves']) {
        expect(tally[action] ?? 0).toBeGreaterThan(0);
      }
      expect(tally.created).toBe(target);
    },
    180_000,
  );
});

async function openConversations(store: Store) {
  const rows = await store.db
    .selectFrom('conversations')
    .selectAll()
    .where('status', 'in', ['queued', 'offered', 'assigned', 'deferred'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toConversation);
}
