// A small MLP head for comparison with the linear heads (issue 12): the same hashed sparse
// features → one layer of tanh units → the same sigmoid heads, trained jointly by AdaGrad on
// the same rows, masks and weights as sparse-logreg.ts, seeded (initialisation and shuffles).
// The input layer is the sparse part: a row touches only its few hundred buckets × units.
import type { LinearModel } from '../src/core/classify/model.ts';
import { seededRandom, shuffleInPlace, type TrainRow } from './sparse-logreg.ts';

export interface MlpOptions {
  dim: number;
  heads: readonly string[];
  hiddenUnits: number;
  epochs: number;
  seed: number;
  learningRate: number;
  l2: number;
  maxPositiveWeight: number;
}

function positiveWeights(rows: readonly TrainRow[], h: number, cap: number): Float64Array {
  const w = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    let pos = 0;
    let neg = 0;
    for (const r of rows) {
      if (r.y[k] === 1) pos++;
      else if (r.y[k] === 0) neg++;
    }
    w[k] = pos === 0 ? 1 : Math.min(cap, Math.max(1, Math.sqrt(neg / pos)));
  }
  return w;
}

/** Trains the hidden layer and the heads together; returns the quantised model. */
export function trainMlp(rows: readonly TrainRow[], o: MlpOptions): LinearModel {
  const h = o.heads.length;
  const n = o.hiddenUnits;
  const rand = seededRandom(o.seed);
  const uniform = (a: number) => (rand() * 2 - 1) * a;
  // Input weights start at 0: a bucket no training row touched adds nothing at run time (as in
  // the linear heads); the random output weights break the units' symmetry.
  const w1 = new Float64Array(o.dim * n);
  const b1 = new Float64Array(n);
  const w2 = new Float64Array(n * h);
  for (let i = 0; i < w2.length; i++) w2[i] = uniform(Math.sqrt(6 / (n + h)));
  const b2 = new Float64Array(h);
  const g1 = new Float64Array(w1.length);
  const gb1 = new Float64Array(n);
  const g2 = new Float64Array(w2.length);
  const gb2 = new Float64Array(h);
  const posW = positiveWeights(rows, h, o.maxPositiveWeight);
  const order = rows.map((_, i) => i);
  const a = new Float64Array(n);
  const unit = new Float64Array(n);
  const dz = new Float64Array(h);
  const da = new Float64Array(n);
  const step = (w: Float64Array, g: Float64Array, at: number, grad: number) => {
    g[at]! += grad * grad;
    w[at]! -= (o.learningRate * grad) / Math.sqrt(g[at]! + 1e-8);
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const ri of order) {
      const { x, y, weight } = rows[ri]!;
      a.set(b1);
      for (let i = 0; i < x.index.length; i++) {
        const base = x.index[i]! * n;
        for (let u = 0; u < n; u++) a[u]! += w1[base + u]! * x.value[i]!;
      }
      for (let u = 0; u < n; u++) unit[u] = Math.tanh(a[u]!);
      let any = false;
      for (let k = 0; k < h; k++) {
        const target = y[k]!;
        if (Number.isNaN(target)) {
          dz[k] = 0;
          continue;
        }
        let z = b2[k]!;
        for (let u = 0; u < n; u++) z += w2[u * h + k]! * unit[u]!;
        const p = 1 / (1 + Math.exp(-z));
        dz[k] = (p - target) * (target === 1 ? posW[k]! : 1) * weight;
        any = true;
      }
      if (!any) continue;
      da.fill(0);
      for (let u = 0; u < n; u++) {
        for (let k = 0; k < h; k++) da[u]! += dz[k]! * w2[u * h + k]!;
        da[u]! *= 1 - unit[u]! * unit[u]!;
      }
      for (let k = 0; k < h; k++) {
        if (dz[k] === 0) continue;
        step(b2, gb2, k, dz[k]!);
        for (let u = 0; u < n; u++)
          step(w2, g2, u * h + k, dz[k]! * unit[u]! + o.l2 * w2[u * h + k]!);
      }
      for (let u = 0; u < n; u++) step(b1, gb1, u, da[u]!);
      for (let i = 0; i < x.index.length; i++) {
        const base = x.index[i]! * n;
        for (let u = 0; u < n; u++) {
          const at = base + u;
          step(w1, g1, at, da[u]! * x.value[i]! + o.l2 * w1[at]!);
        }
      }
    }
  }
  return quantise(w1, b1, w2, b2, o);
}

function quantise(
  w1: Float64Array,
  b1: Float64Array,
  w2: Float64Array,
  b2: Float64Array,
  o: MlpOptions,
): LinearModel {
  const n = o.hiddenUnits;
  const scale = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let max = 0;
    for (let j = 0; j < o.dim; j++) max = Math.max(max, Math.abs(w1[j * n + u]!));
    scale[u] = Number((max / 32767 || 1e-9).toPrecision(9));
  }
  const weights = new Int16Array(w1.length);
  for (let j = 0; j < o.dim; j++)
    for (let u = 0; u < n; u++) weights[j * n + u] = Math.round(w1[j * n + u]! / scale[u]!);
  const round = (xs: Float64Array) => xs.map((b) => Math.round(b * 1e6) / 1e6);
  return {
    dim: o.dim,
    heads: o.heads,
    bias: round(b2),
    scale: new Float64Array(o.heads.length).fill(1),
    weights: new Int16Array(0),
    hidden: { size: n, weights, scale, bias: round(b1), out: round(w2) },
  };
}
