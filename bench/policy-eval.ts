// Benchmarks of the escalation engine (../shared/spec/bench.md):
//  - policy_eval: evaluatePolicy on one new customer message at the end of a 50-turn
//    conversation (p50/p99 µs), beside JSON round-tripping the same conversation;
//    "cold" also re-analyses all 50 turns (fresh objects, no per-turn memo).
//  - replay: `baton replay` work (parse + replay every customer turn) in conversations/s over
//    the public scenarios, beside JSON-parsing the same lines.
import { readFileSync } from 'node:fs';
import {
  evaluatePolicy,
  getDefaultPolicy,
  replayTranscript,
  type PolicyInput,
} from '../src/core/policy/index.ts';
import { parseTranscriptLine, type Turn } from '../src/core/transcript/index.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

const CUSTOMER = [
  'Hi, my order 48213 has not arrived yet',
  'It was supposed to come on Thursday',
  'ok, can you check with the courier?',
  'I paid for express shipping though',
  'The tracking page says it is stuck in Birmingham',
  "That's what you said yesterday",
  'Can I change the delivery address to my office?',
  "It's 10 Downing Street, London SW1A 2AA",
  'my email is sarah.j@example.com if you need it',
  'will I get a refund for the express fee?',
];
const BOT = [
  'Let me check that for you.',
  'Your parcel is in transit with Evri.',
  'Parcels sometimes wait at the hub for 1–2 days.',
  'I can update the address while the parcel is in transit.',
  'Done, anything else?',
];

function conversation(turns: number, fresh: boolean): Turn[] {
  const out: Turn[] = [];
  for (let i = 0; i < turns; i++) {
    const k = Math.floor(i / 2);
    out.push(
      i % 2 === 0
        ? {
            from: 'customer',
            text: `${CUSTOMER[k % CUSTOMER.length]}${fresh ? ` (${Math.random()})` : ''}`,
          }
        : { from: 'bot', text: BOT[k % BOT.length]!, confidence: 0.8, intent: 'order_status' },
    );
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Times `fn` repeatedly for `seconds`; returns per-call µs, sorted. */
function sample(seconds: number, fn: (i: number) => void): number[] {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end || times.length < 50; i++) {
    const t = performance.now();
    fn(i);
    times.push((performance.now() - t) * 1000);
  }
  return times.sort((a, b) => a - b);
}

/** Items per second: the median of three rounds, since shared machines are noisy. */
function throughput(seconds: number, batch: number, fn: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const start = performance.now();
    const end = start + (seconds * 1000) / 3;
    while (performance.now() < end || n === 0) {
      fn();
      n += batch;
    }
    rounds.push(n / ((performance.now() - start) / 1000));
  }
  return rounds.sort((a, b) => a - b)[1]!;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const figure = (
  bench: string,
  metric: string,
  value: number,
  baseline: number,
  note?: string,
): BenchFigure => ({
  bench,
  metric,
  value: round(value),
  baseline: round(baseline),
  ratio: Number((value / baseline).toPrecision(3)),
  ...(note === undefined ? {} : { note }),
});

function scenarioLines(): string[] {
  try {
    return readFileSync('../shared/scenarios/public.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
  } catch {
    // Without the shared scenarios, replay synthetic 12-turn conversations.
    return Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        format: 'baton.transcript/1',
        id: `s-${i}`,
        channel: 'web',
        turns: conversation(12, true),
      }),
    );
  }
}

export async function runPolicyEvalBench(opts: BenchOptions): Promise<BenchFigure[]> {
  const policy = getDefaultPolicy();
  const slice = Math.max(0.5, opts.durationSeconds / 5);
  const history = conversation(49, false);
  const input = (i: number, turns: Turn[]): PolicyInput => ({
    channel: 'web',
    turns: [...turns, { from: 'customer', text: `${CUSTOMER[i % CUSTOMER.length]} #${i}` }],
  });
  // Warm up the sentiment model and the per-turn memo of the shared history.
  for (let i = 0; i < 200; i++) evaluatePolicy(input(i, history), policy);
  const warm = sample(slice, (i) => evaluatePolicy(input(i, history), policy));
  const cold = sample(slice, (i) => evaluatePolicy(input(i, conversation(49, true)), policy));
  const json = JSON.stringify(input(0, history));
  const base = sample(slice, () => JSON.stringify(JSON.parse(json)));
  const note = '50-turn conversation, one new customer message';
  const figures = [
    figure(
      'policy_eval',
      'p50_us',
      percentile(warm, 0.5),
      percentile(base, 0.5),
      `${note}; baseline JSON parse+stringify`,
    ),
    figure('policy_eval', 'p99_us', percentile(warm, 0.99), percentile(base, 0.99)),
    figure(
      'policy_eval',
      'p50_us_cold',
      percentile(cold, 0.5),
      percentile(base, 0.5),
      'all 50 turns analysed afresh',
    ),
    figure('policy_eval', 'p99_us_cold', percentile(cold, 0.99), percentile(base, 0.99)),
  ];
  const lines = scenarioLines();
  const replay = () => {
    for (const [i, l] of lines.entries()) {
      const r = parseTranscriptLine(l, i + 1);
      if (r.ok) replayTranscript(r.transcript, policy);
    }
  };
  // Warm the JIT and the sentiment model before measuring.
  for (let i = 0; i < 3; i++) replay();
  const rate = throughput(slice, lines.length, replay);
  const parseRate = throughput(slice, lines.length, () => {
    for (const l of lines) JSON.parse(l);
  });
  figures.push(
    figure(
      'replay',
      'throughput_conversations_per_s',
      rate,
      parseRate,
      `${lines.length} public scenarios; baseline JSON.parse of the same lines`,
    ),
  );
  return figures;
}
