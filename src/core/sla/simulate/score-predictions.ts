/**
 * How good a wait prediction was. Relative errors divide by the actual wait floored at one
 * minute, since the customer reads minutes and a 10-second wait "estimated at 40 s" is no miss.
 */

export interface Prediction {
  readonly pointMinutes: number;
  readonly lowMinutes: number;
  readonly highMinutes: number;
}

export interface PredictionScore {
  /** Predictions judged (the customer was served, so the actual wait is known). */
  readonly samples: number;
  readonly medianAbsRelError: number;
  /** Share of actual waits inside the band [low, high]. */
  readonly coverage: number;
  readonly meanBandWidthMinutes: number;
}

export function scorePredictions(
  pairs: readonly { readonly prediction: Prediction; readonly actualMinutes: number }[],
): PredictionScore {
  if (pairs.length === 0) {
    return { samples: 0, medianAbsRelError: 0, coverage: 0, meanBandWidthMinutes: 0 };
  }
  const errors = pairs
    .map(
      (p) => Math.abs(p.prediction.pointMinutes - p.actualMinutes) / Math.max(1, p.actualMinutes),
    )
    .sort((a, b) => a - b);
  const covered = pairs.filter(
    (p) =>
      p.actualMinutes >= p.prediction.lowMinutes && p.actualMinutes <= p.prediction.highMinutes,
  ).length;
  const width = pairs.reduce((s, p) => s + p.prediction.highMinutes - p.prediction.lowMinutes, 0);
  return {
    samples: pairs.length,
    medianAbsRelError: median(errors),
    coverage: covered / pairs.length,
    meanBandWidthMinutes: width / pairs.length,
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The naive predictor: mean of the last waits; its band spans their 10th–90th percentile. */
export function naivePrediction(recentWaits: readonly number[]): Prediction {
  if (recentWaits.length === 0) return { pointMinutes: 0, lowMinutes: 0, highMinutes: 1 };
  const sorted = [...recentWaits].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const low = Math.floor(at(0.1));
  return {
    pointMinutes: sorted.reduce((s, w) => s + w, 0) / sorted.length,
    lowMinutes: low,
    highMinutes: Math.max(low + 1, Math.ceil(at(0.9))),
  };
}
