// Labelled texts → trained linear model. Shared by `npm run train` (the shipped model) and
// `npm run eval` (cross-validation folds), so both train exactly the same way.
import { featurize } from '../src/core/classify/featurize.ts';
import {
  CLASSIFIER_LABELS,
  CLASSIFIER_QUEUES,
  HEADS,
  type LinearModel,
} from '../src/core/classify/model.ts';
import type { LabelledText } from './corpus.ts';
import { trainLogReg, type TrainOptions, type TrainRow } from './sparse-logreg.ts';

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  dim: 1 << 18,
  heads: HEADS,
  epochs: 6,
  seed: 20261203,
  learningRate: 0.2,
  l2: 1e-6,
  maxPositiveWeight: 2,
};

/** The target vector of one labelled text (NaN = masked head). */
export function targets(t: LabelledText): Float32Array {
  const y = new Float32Array(HEADS.length);
  CLASSIFIER_LABELS.forEach((l, k) => {
    y[k] = t.labels === null ? NaN : t.labels.includes(l) ? 1 : 0;
  });
  CLASSIFIER_QUEUES.forEach((q, k) => {
    const at = CLASSIFIER_LABELS.length + k;
    y[at] = t.queue === undefined ? NaN : t.queue === q ? 1 : 0;
  });
  return y;
}

export function trainModel(
  texts: readonly LabelledText[],
  options: Partial<TrainOptions> = {},
): LinearModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const rows: TrainRow[] = texts.map((t) => ({ x: featurize(t.text, o.dim), y: targets(t) }));
  return trainLogReg(rows, o);
}
