// The shipped model: models/escalation-classifier.json (heads, biases, scales, how it was
// trained) beside models/escalation-classifier.bin (little-endian int16 weights). Encoding is
// deterministic, so `npm run train` reproduces both files byte for byte.
import type { LinearModel } from './model.ts';

export interface ModelManifest {
  format: 'baton.linear-classifier/1';
  dim: number;
  heads: string[];
  bias: number[];
  scale: number[];
  /** Free-form facts about training (data counts, seed, epochs). */
  training: Record<string, unknown>;
}

/** The manifest text and weight bytes of `model`. */
export function encodeModel(
  model: LinearModel,
  training: Record<string, unknown>,
): { manifest: string; weights: Buffer } {
  const manifest: ModelManifest = {
    format: 'baton.linear-classifier/1',
    dim: model.dim,
    heads: [...model.heads],
    bias: [...model.bias].map((b) => Math.round(b * 1e6) / 1e6),
    scale: [...model.scale].map((s) => Number(s.toPrecision(9))),
    training,
  };
  const weights = Buffer.alloc(model.weights.length * 2);
  for (let i = 0; i < model.weights.length; i++) weights.writeInt16LE(model.weights[i]!, i * 2);
  return { manifest: `${JSON.stringify(manifest, null, 1)}\n`, weights };
}

/** Rebuilds the model from the manifest text and the weight bytes. */
export function decodeModel(manifestText: string, bytes: Uint8Array): LinearModel {
  const m = JSON.parse(manifestText) as ModelManifest;
  if (m.format !== 'baton.linear-classifier/1') throw new Error(`unknown model format ${m.format}`);
  const n = m.dim * m.heads.length;
  if (bytes.byteLength !== n * 2)
    throw new Error(`model weights: ${bytes.byteLength} bytes, want ${n * 2}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Int16Array(n);
  for (let i = 0; i < n; i++) weights[i] = view.getInt16(i * 2, true);
  return {
    dim: m.dim,
    heads: m.heads,
    bias: Float64Array.from(m.bias),
    scale: Float64Array.from(m.scale),
    weights,
  };
}
