// A linear multi-label model over hashed sparse features: one logistic head per label and per
// queue, weights stored as 16-bit integers with one scale per head. Scoring a message is a
// sparse dot product (a few hundred features × the heads), well under a millisecond.
import { featurize, type SparseVector } from './featurize.ts';

/** What the classifier reads from a customer message (multi-label; [] = the bot keeps it). */
export const CLASSIFIER_LABELS = [
  'explicit_request',
  'security',
  'approval_required',
  'high_value',
  'topic_policy',
  'negative_sentiment',
] as const;
export type ClassifierLabel = (typeof CLASSIFIER_LABELS)[number];

/** The topic of a message, as the queue it belongs to (one-vs-rest; all low = no topic). */
export const CLASSIFIER_QUEUES = [
  'billing',
  'technical',
  'retention',
  'sales',
  'trust_safety',
  'general',
] as const;
export type ClassifierQueue = (typeof CLASSIFIER_QUEUES)[number];

export const HEADS: readonly string[] = [
  ...CLASSIFIER_LABELS,
  ...CLASSIFIER_QUEUES.map((q) => `queue:${q}`),
];

export interface LinearModel {
  dim: number;
  heads: readonly string[];
  bias: Float64Array;
  /** Weight of bucket j for head h is weights[j * heads.length + h] * scale[h]. */
  scale: Float64Array;
  weights: Int16Array;
  /** A hidden layer between the features and the heads (then `weights` is empty). */
  hidden?: HiddenLayer;
}

/** tanh units over the hashed features; the heads read the units through `out`. */
export interface HiddenLayer {
  size: number;
  /** Weight of bucket j for unit u is weights[j * size + u] * scale[u]. */
  weights: Int16Array;
  scale: Float64Array;
  bias: Float64Array;
  /** Weight of unit u for head h is out[u * heads + h]. */
  out: Float64Array;
}

export interface ModelScores {
  labels: Record<ClassifierLabel, number>;
  queues: Record<ClassifierQueue, number>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Probability of every head for an already featurised message. */
export function scoreVector(model: LinearModel, v: SparseVector): Float64Array {
  if (model.hidden) return scoreHidden(model, model.hidden, v);
  const h = model.heads.length;
  const z = new Float64Array(h);
  for (let i = 0; i < v.index.length; i++) {
    const base = v.index[i]! * h;
    const x = v.value[i]!;
    for (let k = 0; k < h; k++) z[k]! += model.weights[base + k]! * x;
  }
  for (let k = 0; k < h; k++) z[k] = sigmoid(z[k]! * model.scale[k]! + model.bias[k]!);
  return z;
}

function scoreHidden(model: LinearModel, layer: HiddenLayer, v: SparseVector): Float64Array {
  const n = layer.size;
  const a = new Float64Array(n);
  for (let i = 0; i < v.index.length; i++) {
    const base = v.index[i]! * n;
    const x = v.value[i]!;
    for (let u = 0; u < n; u++) a[u]! += layer.weights[base + u]! * x;
  }
  const h = model.heads.length;
  const z = Float64Array.from(model.bias);
  for (let u = 0; u < n; u++) {
    const unit = Math.tanh(a[u]! * layer.scale[u]! + layer.bias[u]!);
    for (let k = 0; k < h; k++) z[k]! += layer.out[u * h + k]! * unit;
  }
  for (let k = 0; k < h; k++) z[k] = sigmoid(z[k]!);
  return z;
}

/** Label and queue probabilities of one message. */
export function scoreText(model: LinearModel, text: string): ModelScores {
  const p = scoreVector(model, featurize(text, model.dim));
  const at = (name: string) => p[model.heads.indexOf(name)] ?? 0;
  const labels = {} as Record<ClassifierLabel, number>;
  for (const l of CLASSIFIER_LABELS) labels[l] = at(l);
  const queues = {} as Record<ClassifierQueue, number>;
  for (const q of CLASSIFIER_QUEUES) queues[q] = at(`queue:${q}`);
  return { labels, queues };
}
