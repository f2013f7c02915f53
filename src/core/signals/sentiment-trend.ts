// Per-conversation sentiment trend: where the customer's mood is heading, from the sentiment
// scores of their messages in order. A falling slope with a low last score is a customer
// getting angrier, which the frustration evidence and the agent's view both show.

export interface SentimentTrend {
  /** Mean score of the customer's messages (-1..1). */
  mean: number;
  /** Least-squares slope per message; negative means getting worse. */
  slope: number;
  /** Score of the latest message. */
  last: number;
}

/** Trend of a sequence of sentiment scores (oldest first); all zero for an empty list. */
export function sentimentTrend(scores: readonly number[]): SentimentTrend {
  const n = scores.length;
  if (n === 0) return { mean: 0, slope: 0, last: 0 };
  const mean = scores.reduce((s, x) => s + x, 0) / n;
  const xMean = (n - 1) / 2;
  let num = 0;
  let den = 0;
  scores.forEach((y, x) => {
    num += (x - xMean) * (y - mean);
    den += (x - xMean) ** 2;
  });
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    mean: round(mean),
    slope: den === 0 ? 0 : round(num / den),
    last: round(scores[n - 1]!),
  };
}
