// Turns retrieval features into a calibrated confidence: the estimated probability that the
// top article answers the question. A logistic model over two scale-free features, so the
// same constants hold for a knowledge base of 20 or 2,000 articles.

/** What the confidence is computed from, for one query and its ranked hits. */
export interface ConfidenceFeatures {
  /**
   * Share of the query's terms found in the top article, weighted by how rare each term
   * is (IDF); a term no article contains weighs most, so "do you sell pizza" scores low.
   */
  coverage: number;
  /** (top score − second score) / top score: how clearly the top article wins. */
  margin: number;
  /**
   * How close the question is to the top article's closest short phrase (title, example
   * question, tag): IDF-weighted cosine, 0 to 1.
   */
  phrase: number;
}

/**
 * Logistic model: confidence = σ(intercept + coverage·c + margin·m + coverage·margin·cm +
 * phrase·p).
 */
export interface ConfidenceModel {
  intercept: number;
  coverage: number;
  margin: number;
  coverageMargin: number;
  phrase: number;
}

/**
 * Fitted by `fitKbConfidence` in eval/kb-calibration.ts on a calibration set that is not
 * the evaluation set: each article's own example questions in every language, asked with
 * that question left out of the index, plus out-of-scope questions in each language.
 * Refit after large knowledge-base changes: `node bin/run-ts.mjs eval/kb-calibration.ts --fit`.
 */
export const DEFAULT_CONFIDENCE_MODEL: ConfidenceModel = Object.freeze({
  intercept: -2.72,
  coverage: 1.9,
  margin: 0.79,
  coverageMargin: 1.66,
  phrase: 1.62,
});

/** The calibrated confidence in [0, 1], rounded to 3 decimals for stable output. */
export function scoreConfidence(
  features: ConfidenceFeatures,
  model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL,
): number {
  const z =
    model.intercept +
    model.coverage * features.coverage +
    model.margin * features.margin +
    model.coverageMargin * features.coverage * features.margin +
    model.phrase * features.phrase;
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
