// Fits the confidence model by logistic regression (plain batch gradient descent on the
// log-loss, with a little L2 so that a perfectly separable calibration set still gives
// finite, smooth weights). Deterministic: same samples, same model.
import type { ConfidenceFeatures, ConfidenceModel } from './confidence.ts';

export interface ConfidenceSample {
  features: ConfidenceFeatures;
  /** Whether the top article was the right one (always false for out-of-scope questions). */
  correct: boolean;
  /** How much this sample counts in the fit (default 1). */
  weight?: number;
}

export interface FitConfidenceOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

/** The logistic model that best predicts `correct` from the features. */
export function fitConfidenceModel(
  samples: readonly ConfidenceSample[],
  options: FitConfidenceOptions = {},
): ConfidenceModel {
  const { iterations = 20_000, learningRate = 0.5, l2 = 0.01 } = options;
  const rows = samples.map((sample) => ({
    x: [
      1,
      sample.features.coverage,
      sample.features.margin,
      sample.features.coverage * sample.features.margin,
      sample.features.phrase,
    ],
    y: sample.correct ? 1 : 0,
    weight: sample.weight ?? 1,
  }));
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  const w = [0, 0, 0, 0, 0];
  for (let step = 0; step < iterations && rows.length > 0; step += 1) {
    const gradient = [0, 0, 0, 0, 0];
    for (const { x, y, weight } of rows) {
      const z = x.reduce((sum, xi, i) => sum + xi * (w[i] ?? 0), 0);
      const error = (1 / (1 + Math.exp(-z)) - y) * weight;
      for (let i = 0; i < w.length; i += 1) gradient[i] = (gradient[i] ?? 0) + error * (x[i] ?? 0);
    }
    for (let i = 0; i < w.length; i += 1) {
      const penalty = i === 0 ? 0 : l2 * (w[i] ?? 0); // the intercept is not shrunk
      w[i] = (w[i] ?? 0) - learningRate * ((gradient[i] ?? 0) / totalWeight + penalty);
    }
  }
  const round = (value: number | undefined): number => Math.round((value ?? 0) * 100) / 100;
  return {
    intercept: round(w[0]),
    coverage: round(w[1]),
    margin: round(w[2]),
    coverageMargin: round(w[3]),
    phrase: round(w[4]),
  };
}
