// A small, dependency-free trainer: one-vs-rest logistic regression over hashed sparse
// features, AdaGrad with L2 on the touched weights, seeded shuffling. The JS ML libraries we
// looked at take dense matrices: 30 000 rows × 262 144 buckets cannot be dense, while here an
// epoch touches only the few hundred non-zero features of each row (seconds for the corpus).
// Same data + same seed ⇒ same float operations in the same order ⇒ the same weights. A model
// is the average of `seedRuns` such runs in different shuffle orders: one order alone moves
// ~24 of 878 held-out conversations (docs/escalation.md, "Retrain noise").
import type { SparseVector } from '../src/core/classify/featurize.ts';
import type { LinearModel } from '../src/core/classify/model.ts';

export interface TrainRow {
  x: SparseVector;
  /** Per head: 1, 0, or NaN when this row says nothing about the head (masked). */
  y: Float32Array;
  /** How much this row counts (our own corpus counts more than the public datasets). */
  weight: number;
}

export interface TrainOptions {
  dim: number;
  heads: readonly string[];
  epochs: number;
  seed: number;
  learningRate: number;
  l2: number;
  /** Cap on the up-weighting of a head's rare positive rows. */
  maxPositiveWeight: number;
  /** Runs averaged (seeds derived from `seed`; the first run uses `seed` itself). */
  seedRuns: number;
}

/** The shuffle seed of run `run` (0-based) of a seed-averaged training from base `seed`. */
export function runSeed(seed: number, run: number): number {
  return run === 0 ? seed >>> 0 : (seed + Math.imul(run, 0x9e3779b9)) >>> 0;
}

/** mulberry32: a tiny seeded PRNG, so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with `rand`: each epoch's order (both trainers draw it the same way). */
export function shuffleInPlace(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

function positiveWeights(rows: readonly TrainRow[], h: number, cap: number): Float64Array {
  const w = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    let pos = 0;
    let neg = 0;
    for (const r of rows) {
      const y = r.y[k]!;
      if (y === 1) pos++;
      else if (y === 0) neg++;
    }
    w[k] = pos === 0 ? 1 : Math.min(cap, Math.max(1, Math.sqrt(neg / pos)));
  }
  return w;
}

/**
 * Trains every head jointly over the same features, `seedRuns` times in different shuffle
 * orders, and returns the quantised average of the runs' weights and biases. A logistic head's
 * logit is linear in them, so the averaged head scores the mean of the runs' logits: the
 * probabilities stay on the runs' scale (no recalibration), only less tied to one order.
 */
export function trainLogReg(rows: readonly TrainRow[], o: TrainOptions): LinearModel {
  const runs = Math.max(1, Math.floor(o.seedRuns));
  const w = new Float64Array(o.dim * o.heads.length);
  const bias = new Float64Array(o.heads.length);
  for (let run = 0; run < runs; run++) {
    const one = trainOneRun(rows, o, runSeed(o.seed, run));
    // Summed in run order, then divided once: the same runs give the same bits.
    for (let i = 0; i < w.length; i++) w[i]! += one.w[i]!;
    for (let k = 0; k < bias.length; k++) bias[k]! += one.bias[k]!;
  }
  if (runs > 1) {
    for (let i = 0; i < w.length; i++) w[i]! /= runs;
    for (let k = 0; k < bias.length; k++) bias[k]! /= runs;
  }
  return quantise(w, bias, o);
}

/** One AdaGrad run in the shuffle order of `seed`: full-precision weights and biases. */
function trainOneRun(
  rows: readonly TrainRow[],
  o: TrainOptions,
  seed: number,
): { w: Float64Array; bias: Float64Array } {
  const h = o.heads.length;
  const w = new Float64Array(o.dim * h);
  const g2 = new Float64Array(o.dim * h);
  const bias = new Float64Array(h);
  const b2 = new Float64Array(h);
  const posW = positiveWeights(rows, h, o.maxPositiveWeight);
  const order = rows.map((_, i) => i);
  const rand = seededRandom(seed);
  const z = new Float64Array(h);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const ri of order) {
      const { x, y, weight } = rows[ri]!;
      z.set(bias);
      for (let i = 0; i < x.index.length; i++) {
        const base = x.index[i]! * h;
        for (let k = 0; k < h; k++) z[k]! += w[base + k]! * x.value[i]!;
      }
      for (let k = 0; k < h; k++) {
        const target = y[k]!;
        if (Number.isNaN(target)) continue;
        const p = 1 / (1 + Math.exp(-z[k]!));
        const err = (p - target) * (target === 1 ? posW[k]! : 1) * weight;
        b2[k]! += err * err;
        bias[k]! -= (o.learningRate * err) / Math.sqrt(b2[k]! + 1e-8);
        for (let i = 0; i < x.index.length; i++) {
          const at = x.index[i]! * h + k;
          const grad = err * x.value[i]! + o.l2 * w[at]!;
          g2[at]! += grad * grad;
          w[at]! -= (o.learningRate * grad) / Math.sqrt(g2[at]! + 1e-8);
        }
      }
    }
  }
  return { w, bias };
}

function quantise(w: Float64Array, bias: Float64Array, o: TrainOptions): LinearModel {
  const h = o.heads.length;
  const scale = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    let max = 0;
    for (let j = 0; j < o.dim; j++) max = Math.max(max, Math.abs(w[j * h + k]!));
    scale[k] = Number((max / 32767 || 1e-9).toPrecision(9));
  }
  const weights = new Int16Array(w.length);
  for (let j = 0; j < o.dim; j++) {
    for (let k = 0; k < h; k++) weights[j * h + k] = Math.round(w[j * h + k]! / scale[k]!);
  }
  const roundedBias = bias.map((b) => Math.round(b * 1e6) / 1e6);
  return { dim: o.dim, heads: o.heads, bias: roundedBias, scale, weights };
}
