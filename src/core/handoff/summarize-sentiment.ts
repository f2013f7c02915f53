/** The customer's mood across the conversation: last score, average, trend and a label. */
import type { SentimentSummary } from './handoff-packet.ts';

/** `scores` are the customer's turns' sentiment in [-1, 1], oldest first. */
export function summarizeSentiment(
  scores: readonly number[],
  frustrated: boolean,
): SentimentSummary {
  if (scores.length === 0)
    return { last: 0, average: 0, trend: 'steady', label: frustrated ? 'frustrated' : 'neutral' };
  const last = scores[scores.length - 1] as number;
  const average = scores.reduce((a, b) => a + b, 0) / scores.length;
  const half = Math.max(1, Math.floor(scores.length / 2));
  const early = mean(scores.slice(0, half));
  const late = mean(scores.slice(-half));
  // A shift of a fifth of the scale is a trend; less is noise between phrasings.
  const trend = late - early > 0.2 ? 'improving' : early - late > 0.2 ? 'worsening' : 'steady';
  const label =
    last <= -0.6
      ? 'angry'
      : frustrated || last <= -0.25
        ? 'frustrated'
        : last >= 0.3
          ? 'positive'
          : 'neutral';
  return { last: round(last), average: round(average), trend, label };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
