// The routing bench: `route` over a snapshot of 10,000 queued conversations and 1,000 agents
// (mixed skills, languages, presence and load), beside the least any router must do with the
// same snapshot: sort it by priority. One pass decides every conversation; a decision's cost is
// the pass divided by the conversations it decided. Pure CPU, no IO; seeded, so every run routes
// the same snapshot.
import { performance } from 'node:perf_hooks';
import type { AgentSnapshot } from '../src/core/routing/agent-snapshot.ts';
import { computePriority } from '../src/core/routing/compute-priority.ts';
import { DEFAULT_QUEUES } from '../src/core/routing/default-queues.ts';
import { route } from '../src/core/routing/route.ts';
import type { RoutingSnapshot, WaitingConversation } from '../src/core/routing/routing-snapshot.ts';
import { createRng, type Rng } from '../src/core/sla/simulate/prng.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

const CONVERSATIONS = 10_000;
const AGENTS = 1_000;
const ROUNDS = 5;
const NOW = new Date('2026-03-02T10:00:00Z');
const QUEUES = DEFAULT_QUEUES.map((q) => q.id);
const LANGUAGES = ['en', 'en', 'en', 'es', 'de', 'fr', 'pt'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

/** The same snapshot every run: about a tenth of the waiting conversations find a free agent. */
export function routingSnapshot(seed = 1): RoutingSnapshot {
  const rng = createRng(seed);
  const agents: AgentSnapshot[] = Array.from({ length: AGENTS }, (_, i) => {
    const capacity = 2 + Math.floor(rng.next() * 3);
    const r = rng.next();
    return {
      id: `agent-${i}`,
      name: `Agent ${i}`,
      skills: ['general', ...QUEUES.filter(() => rng.next() < 0.3)],
      languages: ['en', ...['es', 'de', 'fr', 'pt'].filter(() => rng.next() < 0.25)],
      presence: r < 0.8 ? 'online' : r < 0.9 ? 'away' : 'offline',
      capacity,
      load: Math.min(capacity, Math.floor(rng.next() * (capacity + 2))),
    };
  });
  const conversations: WaitingConversation[] = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const waited = Math.floor(rng.next() * 1800);
    const { priority } = computePriority({
      tier: pick(rng, ['free', 'free', 'premium', 'business']),
      sentiment: rng.next() * 2 - 1,
      waitedSeconds: waited,
      messages: Math.floor(rng.next() * 20),
    });
    return {
      id: `conv-${i}`,
      queue: pick(rng, QUEUES),
      priority,
      language: pick(rng, LANGUAGES),
      waitingSince: new Date(NOW.getTime() - waited * 1000),
      ...(rng.next() < 0.05 ? { declinedBy: [`agent-${Math.floor(rng.next() * AGENTS)}`] } : {}),
      ...(rng.next() < 0.1 ? { overflow: true } : {}),
    };
  });
  return { queues: DEFAULT_QUEUES, conversations, agents };
}

/** Runs `fn` for `seconds` (at least `min` times); returns each call's milliseconds, sorted. */
function sample(seconds: number, min: number, fn: () => void): number[] {
  const out: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end || out.length < min) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const round = (x: number) => Number(x.toPrecision(4));

function figure(metric: string, value: number, baseline: number, note?: string): BenchFigure {
  return {
    bench: 'routing',
    metric,
    value: round(value),
    baseline: round(baseline),
    ratio: Number((value / baseline).toPrecision(3)),
    ...(note === undefined ? {} : { note }),
  };
}

export async function runRoutingBench(
  opts: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchFigure[]> {
  const snapshot = routingSnapshot();
  const byPriority = (a: WaitingConversation, b: WaitingConversation) =>
    b.priority - a.priority || a.waitingSince.getTime() - b.waitingSince.getTime();
  const baseline = () => [...snapshot.conversations].sort(byPriority);
  const offers = route(snapshot, NOW).offers.length;
  // Warm-up: let the JIT settle on both before measuring.
  for (let i = 0; i < 5; i++) {
    route(snapshot, NOW);
    baseline();
  }

  const slice = opts.durationSeconds / (2 * ROUNDS);
  const rounds: { route: number[]; sort: number[] }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate within a round so machine noise hits both alike.
    rounds.push({
      route: sample(slice, 5, () => route(snapshot, NOW)),
      sort: sample(slice, 5, baseline),
    });
    log(`routing: round ${r + 1}/${ROUNDS}`);
    await Promise.resolve();
  }
  const med = (f: (x: { route: number[]; sort: number[] }) => number) => median(rounds.map(f));
  const routeP50 = med((x) => percentile(x.route, 0.5));
  const sortP50 = med((x) => percentile(x.sort, 0.5));
  const routeP99 = med((x) => percentile(x.route, 0.99));
  const sortP99 = med((x) => percentile(x.sort, 0.99));
  const perDecisionUs = (routeP99 * 1000) / CONVERSATIONS;
  const setup = `${CONVERSATIONS.toLocaleString('en')} queued, ${AGENTS.toLocaleString('en')} agents, ${offers} offers per pass; median of ${ROUNDS} rounds`;
  return [
    figure(
      'throughput_assignments_per_s',
      offers / (routeP50 / 1000),
      offers / (sortP50 / 1000),
      `${setup}; baseline: the same share of a priority sort of the snapshot`,
    ),
    figure('p50_ms_per_pass', routeP50, sortP50, 'one pass decides every queued conversation'),
    figure(
      'p99_ms_per_pass',
      routeP99,
      sortP99,
      `p99 per routing decision ≈ ${perDecisionUs.toFixed(2)} µs (pass / ${CONVERSATIONS.toLocaleString('en')})`,
    ),
  ];
}
