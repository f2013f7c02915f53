/**
 * One simulated world from its seed: a team of agents over one store, customers arriving
 * until `target` conversations were created, node restarts, and the invariants checked after
 * every step. Worlds share nothing, so several can run at once (each over its own store).
 */
import { createRng } from '../../../src/core/sla/simulate/prng.ts';
import type { Store } from '../../../src/store/store.ts';
import { agentActs, arrive, customerActs, type Tally } from './sim-actions.ts';
import { violations } from './sim-invariants.ts';
import { SimLedger } from './sim-ledger.ts';
import { buildNode, settle, type Outside } from './sim-world.ts';

const SKILLS = ['billing', 'technical', 'retention', 'sales', 'trust_safety', 'general'];

export interface WorldOptions {
  readonly seed: number;
  /** Conversations to create. */
  readonly target: number;
  readonly agents: number;
  /** Open conversations at most before new customers wait to arrive. */
  readonly openAtOnce: number;
  /** The fake clock moves up to this much per step. */
  readonly stepMs: number;
  /** Every this many steps (and at the end) everything open is checked in full. */
  readonly fullSweepEvery: number;
}

export interface WorldResult {
  readonly tally: Tally;
  /** Published events by type (messages by kind). */
  readonly happened: ReadonlyMap<string, number>;
  readonly fullSweeps: number;
}

export async function seedTeam(store: Store, agents: number): Promise<void> {
  const now = new Date('2026-12-01T09:00:00Z');
  for (let i = 0; i < agents; i++) {
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
}

/** Runs the world to its target; throws at the first step that breaks an invariant. */
export async function runWorld(store: Store, options: WorldOptions): Promise<WorldResult> {
  const { seed } = options;
  const rng = createRng(seed);
  const outside: Outside = {
    nowMs: Date.parse('2026-12-01T09:00:00Z'),
    agentsConnected: new Set(),
    customersConnected: new Set(),
  };
  const ledger = new SimLedger();
  let node = buildNode(store, outside, ledger);
  const agents = await store.agents.list();
  const tally: Tally = { created: 0, claimsRaced: 0, doubleWins: 0, steps: 0, restarts: 0 };
  let fullSweeps = 0;
  const check = async (full: boolean, where: string) => {
    const ids = full ? ('all' as const) : ledger.takeTouched();
    const broken = await violations(store, node.clock(), { ids, ledger, agents });
    if (broken.length > 0) await explain(store, broken);
    if (broken.length > 0)
      throw new Error(
        `${where} (seed ${seed}, a world of ${options.target}): ${broken.slice(0, 5).join('; ')}`,
      );
  };
  while (tally.created < options.target) {
    tally.steps++;
    outside.nowMs += Math.floor(rng.next() * options.stepMs);
    const active = [...ledger.open.values()];
    if (active.length < options.openAtOnce && rng.next() < 0.7) {
      await arrive(node, outside, rng);
      tally.created++;
    }
    await customerActs(node, outside, rng, ledger, tally);
    for (const agent of agents) {
      if (rng.next() < 0.5) await agentActs(node, outside, rng, agent, active, tally);
    }
    // Random restarts, and a certain one halfway so that every world, however small, has one.
    const halfway = tally.restarts === 0 && tally.created >= options.target / 2;
    if (rng.next() < 0.01 || halfway) {
      // A node restart: a new app over the same store; every socket is gone.
      tally.restarts++;
      outside.agentsConnected.clear();
      outside.customersConnected.clear();
      node = buildNode(store, outside, ledger);
    }
    await settle(node);
    const full = tally.steps % options.fullSweepEvery === 0;
    if (full) fullSweeps++;
    await check(full, `step ${tally.steps}`);
  }
  await check(true, 'end');
  return { tally, happened: ledger.happened, fullSweeps: fullSweeps + 1 };
}

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
  const log = ev.map((e) => [e.seq, e.type, e.at, e.data.agentId, e.actor.id]);
  console.log(JSON.stringify({ ev: log, ts }, null, 1));
}
