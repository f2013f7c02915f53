// The shipped model: models/escalation-classifier.json (heads, biases, scales, how it was
// trained) beside models/escalation-classifier.bin (little-endian int16 weights). Encoding is
// deterministic, so `npm run train` reproduces both files byte for byte.
import type { LinearModel } from './model.ts';

export interface ModelManifest {
  format: 'baton.linear-classifier/1' | 'baton.mlp-classifier/1';
  dim: number;
  heads: string[];
  bias: number[];
  scale: number[];
  /** MLP only: the hidden layer's size, scales, biases and output weights (.bin: its inputs). */
  hidden?: { size: number; scale: number[]; bias: number[]; out: number[] };
  /** Free-form facts about training (data counts, seed, epochs). */
  training: Record<string, unknown>;
}

/** The manifest text and weight bytes of `model`. */
export function encodeModel(
  model: LinearModel,
  training: Record<string, unknown>,
): { manifest: string; weights: Buffer } {
  const round = (xs: Float64Array) => [...xs].map((b) => Math.round(b * 1e6) / 1e6);
  const layer = model.hidden;
  const manifest: ModelManifest = {
    format: layer ? 'baton.mlp-classifier/1' : 'baton.linear-classifier/1',
    dim: model.dim,
    heads: [...model.heads],
    bias: round(model.bias),
    scale: [...model.scale].map((s) => Number(s.toPrecision(9))),
    ...(layer && {
      hidden: {
        size: layer.size,
        scale: [...layer.scale].map((s) => Number(s.toPrecision(9))),
        bias: round(layer.bias),
        out: round(layer.out),
      },
    }),
    training,
  };
  const ints = layer ? layer.weights : model.weights;
  const weights = Buffer.alloc(ints.length * 2);
  for (let i = 0; i < ints.length; i++) weights.writeInt16LE(ints[i]!, i * 2);
  return { manifest: `${JSON.stringify(manifest, null, 1)}\n`, weights };
}

/** Rebuilds the model from the manifest text and the weight bytes. */
export function decodeModel(manifestText: string, bytes: Uint8Array): LinearModel {
  const m = JSON.parse(manifestText) as ModelManifest;
  if (m.format !== 'baton.linear-classifier/1' && m.format !== 'baton.mlp-classifier/1')
    throw new Error(`unknown model format ${String(m.format)}`);
  const n = m.dim * (m.hidden ? m.hidden.size : m.heads.length);
  if (bytes.byteLength !== n * 2)
    throw new Error(`model weights: ${bytes.byteLength} bytes, want ${n * 2}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Int16Array(n);
  for (let i = 0; i < n; i++) weights[i] = view.getInt16(i * 2, true);
  const base = {
    dim: m.dim,
    heads: m.heads,
    bias: Float64Array.from(m.bias),
    scale: Float64Array.from(m.scale),
  };
  if (!m.hidden) return { ...base, weights };
  const hidden = {
    size: m.hidden.size,
    weights,
    scale: Float64Array.from(m.hidden.scale),
    bias: Float64Array.from(m.hidden.bias),
    out: Float64Array.from(m.hidden.out),
  };
  return { ...base, weights: new Int16Array(0), hidden };
}
