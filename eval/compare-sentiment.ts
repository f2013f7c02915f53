// Compares the two installed sentiment libraries on Bitext's offensive-language rows (tag W)
// against the calm rows of the training split: ROC AUC, and the share flagged at -0.5.
// This is the measurement behind keeping wink-nlp (see src/core/signals/score-sentiment.ts).
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { EvalRow } from './datasets.ts';

interface Vader {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

export interface SentimentComparison {
  library: string;
  auc: number;
  offensiveFlagged: number;
  calmFlagged: number;
  msPerMessage: number;
}

function auc(pos: number[], neg: number[]): number {
  // Probability that an offensive row scores lower (more negative) than a calm one.
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p < n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

function measure(
  library: string,
  score: (t: string) => number,
  rows: readonly EvalRow[],
): SentimentComparison {
  const start = performance.now();
  const scored = rows.map((r) => ({ w: r.tags.includes('W'), s: score(r.text) }));
  const ms = (performance.now() - start) / rows.length;
  const pos = scored.filter((x) => x.w).map((x) => x.s);
  const neg = scored.filter((x) => !x.w).map((x) => x.s);
  return {
    library,
    auc: auc(pos, neg),
    offensiveFlagged: pos.filter((s) => s <= -0.5).length / pos.length,
    calmFlagged: neg.filter((s) => s <= -0.5).length / neg.length,
    msPerMessage: ms,
  };
}

export function compareSentiment(rows: readonly EvalRow[]): SentimentComparison[] {
  const vader = createRequire(import.meta.url)('vader-sentiment') as Vader;
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
  return [
    measure(
      'vader-sentiment',
      (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
      rows,
    ),
    measure('wink-nlp', (t) => nlp.readDoc(t).out(nlp.its.sentiment) as unknown as number, rows),
  ];
}
