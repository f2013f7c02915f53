// Labelled texts → trained linear model. Shared by `npm run train` (the shipped model) and
// `npm run eval` (cross-validation folds), so both train exactly the same way.
import { featurize } from '../src/core/classify/featurize.ts';
import {
  CLASSIFIER_LABELS,
  CLASSIFIER_QUEUES,
  HEADS,
  type LinearModel,
} from '../src/core/classify/model.ts';
import { isYes } from '../src/core/signals/detect-yes.ts';
import type { LabelledText } from './corpus.ts';
import { trainMlp } from './sparse-mlp.ts';
import { trainLogReg, type TrainOptions, type TrainRow } from './sparse-logreg.ts';

export interface ModelOptions extends TrainOptions {
  /** Weight of a corpus row against a public dataset row (the corpus is the target traffic). */
  corpusWeight: number;
  /** 0: linear heads; n > 0: an MLP head with n tanh units (sparse-mlp.ts; compared, issue 12). */
  hiddenUnits: number;
}

export const DEFAULT_TRAIN_OPTIONS: ModelOptions = {
  dim: 1 << 19,
  heads: HEADS,
  epochs: 12,
  seed: 20261203,
  learningRate: 0.2,
  l2: 1e-6,
  maxPositiveWeight: 2,
  corpusWeight: 4,
  seedRuns: 5,
  hiddenUnits: 0,
};

/**
 * A bare "yes please" / "sim" is a request only after the bot offered a person: the
 * conversation feature reads it there (classifier-signals.ts), so the single-message model
 * does not learn it (its labels are masked) and the eval does not judge it alone.
 */
export function isContextOnly(t: LabelledText): boolean {
  return isYes(t.text) && t.text.trim().split(/\s+/).length <= 3;
}

/** The target vector of one labelled text (NaN = masked head). */
export function targets(t: LabelledText): Float32Array {
  const y = new Float32Array(HEADS.length);
  const masked = t.labels === null || (t.labels.length > 0 && isContextOnly(t));
  CLASSIFIER_LABELS.forEach((l, k) => {
    y[k] = masked || t.unscored?.includes(l) ? NaN : t.labels!.includes(l) ? 1 : 0;
  });
  CLASSIFIER_QUEUES.forEach((q, k) => {
    const at = CLASSIFIER_LABELS.length + k;
    y[at] = t.queue === undefined ? NaN : t.queue === q ? 1 : 0;
  });
  return y;
}

export function trainModel(
  texts: readonly LabelledText[],
  options: Partial<ModelOptions> = {},
): LinearModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const rows: TrainRow[] = texts.map((t) => ({
    x: featurize(t.text, o.dim),
    y: targets(t),
    weight: t.source.startsWith('corpus:') ? o.corpusWeight : 1,
  }));
  return o.hiddenUnits > 0 ? trainMlp(rows, o) : trainLogReg(rows, o);
}
