// Fault simulation over the real app layer (writer, state machine, workflow, router, timer
// handlers, owner-presence sweep), in-process on SQLite and PostgreSQL, with a seeded RNG and
// a fake clock: random customers and agents, and node restarts that rebuild the app over the
// same store. After every step the invariants of sim-invariants.ts must hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/sla/simulate/prng.ts';
import type { Store } from '../../src/store/store.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { agentActs, arrive, customerActs, type Tally } from './simulation/sim-actions.ts';
import { violations } from './simulation/sim-invariants.ts';
import { SimLedger } from './simulation/sim-ledger.ts';
import { buildNode, settle, type Outside } from './simulation/sim-world.ts';

const SEED = Number(process.env.SIM_SEED ?? 20261203);
// The size in CI; smaller locally for speed. SIM_CONVERSATIONS_* for any other.
const CI = process.env.CI === 'true';
const TARGET: Record<string, number> = {
  sqlite: Number(process.env.SIM_CONVERSATIONS_SQLITE ?? (CI ? 10_000 : 1_000)),
  postgres: Number(process.env.SIM_CONVERSATIONS_POSTGRES ?? (CI ? 2_000 : 300)),
};
const TIMEOUT_MS = 600_000;
const OPEN_AT_ONCE = 40;
/** The fake clock moves up to this much per step. */
const STEP_MS = 90_000;
/**
 * After each step the conversations it wrote are checked in full, and the time-driven rules
 * (overdue timers, promises, the SLA) and capacity for every conversation; every
 * FULL_SWEEP_EVERY steps and at the end, everything open is checked in full (and the
 * ledger against the store). SIM_FULL_CHECK=1 checks everything after every step.
 */
const FULL_SWEEP_EVERY = 25;
const FULL_CHECK_EVERY_STEP = process.env.SIM_FULL_CHECK === '1';
const ACTIONS = [
  'accepts',
  'declines',
  'offersIgnored',
  'agentDisconnects',
  'agentGoesOffline',
  'transfers',
  'returnsToBot',
  'resolves',
  'customerLeaves',
  'customerReturns',
  'customerWrites',
  'customerAsksAgain',
  'customerSilent',
];
/** Published events that show each timer and escalation path ran. */
const HAPPENINGS = [
  'conversation.offer_expired',
  'conversation.offer_declined',
  'conversation.sla_breached',
  'conversation.overflowed',
  'conversation.agent_nudged',
  'conversation.supervisor_alerted',
  'conversation.requeued',
  'conversation.abandoned',
  'message:promise_broken',
  'message:agent_left',
];
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
      const ledger = new SimLedger();
      let node = buildNode(store, outside, ledger);
      const agents = await store.agents.list();
      const tally: Tally = { created: 0, claimsRaced: 0, doubleWins: 0, steps: 0, restarts: 0 };
      const target = TARGET[database.name]!;
      let fullSweeps = 0;
      const started = { wall: performance.now(), cpu: process.cpuUsage() };
      while (tally.created < target) {
        tally.steps++;
        outside.nowMs += Math.floor(rng.next() * STEP_MS);
        const active = [...ledger.open.values()];
        if (active.length < OPEN_AT_ONCE && rng.next() < 0.7) {
          await arrive(node, outside, rng);
          tally.created++;
        }
        await customerActs(node, outside, rng, ledger, tally);
        for (const agent of agents) {
          if (rng.next() < 0.5) await agentActs(node, outside, rng, agent, active, tally);
        }
        // Random restarts, and one certain restart so every run covers one.
        if (rng.next() < 0.01 || tally.steps === 50) {
          // A node restart: a new app over the same store; every socket is gone.
          tally.restarts++;
          outside.agentsConnected.clear();
          outside.customersConnected.clear();
          node = buildNode(store, outside, ledger);
        }
        await settle(node);
        const full = FULL_CHECK_EVERY_STEP || tally.steps % FULL_SWEEP_EVERY === 0;
        if (full) fullSweeps++;
        const touched = ledger.takeTouched();
        const scope = { ids: full ? ('all' as const) : touched, ledger, agents };
        const broken = await violations(store, node.clock(), scope);
        if (broken.length > 0) await explain(store, broken);
        if (broken.length > 0) {
          throw new Error(`step ${tally.steps} (seed ${SEED}): ${broken.slice(0, 5).join('; ')}`);
        }
      }
      // And a last full sweep of everything still open.
      const broken = await violations(store, node.clock(), { ids: 'all', ledger, agents });
      if (broken.length > 0) {
        throw new Error(`end (seed ${SEED}): ${broken.slice(0, 5).join('; ')}`);
      }
      const happened = Object.fromEntries([...ledger.happened].sort());
      const cpu = process.cpuUsage(started.cpu);
      const took = `${Math.round(performance.now() - started.wall)} ms, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU of this process`;
      console.info(
        `simulation on ${database.name} (seed ${SEED}, ${fullSweeps + 1} full sweeps, ${took}):`,
        JSON.stringify(tally),
        JSON.stringify(happened),
      );
      expect(tally.doubleWins).toBe(0);
      // The run exercised what it claims to: restarts, races, every agent and customer
      // behaviour, and every way the app moves a forgotten conversation on.
      expect(tally.restarts).toBeGreaterThan(0);
      expect(tally.claimsRaced).toBeGreaterThan(0);
      for (const action of ACTIONS) expect(tally[action] ?? 0, action).toBeGreaterThan(0);
      for (const kind of HAPPENINGS)
        expect(ledger.happened.get(kind) ?? 0, kind).toBeGreaterThan(0);
      expect(tally.created).toBe(target);
    },
    TIMEOUT_MS,
  );
});

/** SIM_DEBUG: the log and timers of the first conversation named in a violation. */
async function explain(store: Store, broken: readonly string[]) {
  if (!process.env.SIM_DEBUG) return;
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
