// Frustration signal for one customer message: profanity, insults, angry phrases, ALL CAPS
// shouting and repeated "!!"/"??", combined with the sentiment score. `strong` means the
// message alone shows anger (the spec's negative_sentiment trigger); milder messages only
// count when the sentiment score is below the threshold on more than one turn.
import { ACRONYMS, FRUSTRATION_CUES } from './frustration-lexicon.ts';
import { normalizeText } from './normalize-text.ts';

export interface FrustrationCue {
  kind: 'profanity' | 'insult' | 'phrase' | 'caps' | 'punctuation';
  matched: string;
  weight: number;
}

export interface Frustration {
  /** Sum of cue weights, capped at 1. */
  score: number;
  /** True when the cues alone show strong frustration (score ≥ 0.6). */
  strong: boolean;
  cues: FrustrationCue[];
}

export const STRONG_FRUSTRATION = 0.6;

function shouting(text: string): string | null {
  const words = text.match(/\b[\p{Lu}][\p{Lu}'’]+\b/gu) ?? [];
  const loud = words.filter((w) => !ACRONYMS.has(w.replace(/['’].*$/, '')));
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  if (loud.length >= 3 && letters.length >= 10 && upper.length / letters.length >= 0.6) {
    return loud.slice(0, 4).join(' ');
  }
  return null;
}

/**
 * Frustration cues in `text`. `sentiment` (from scoreSentiment) gates the punctuation cue so
 * that "thanks!!" is not read as anger.
 */
export function detectFrustration(text: string, sentiment = 0): Frustration {
  const cues: FrustrationCue[] = [];
  const norm = normalizeText(text);
  for (const rule of FRUSTRATION_CUES) {
    const m = rule.re.exec(norm);
    if (m) cues.push({ kind: rule.kind, matched: m[0], weight: rule.weight });
  }
  const loud = shouting(text);
  if (loud !== null) cues.push({ kind: 'caps', matched: loud, weight: 0.7 });
  const punct = /[!?]*(?:!!|\?\?|\?!|!\?)[!?]*/.exec(text);
  if (
    punct &&
    sentiment < 0.2 &&
    !/\b(?:thanks?|thank you|great|amazing|awesome|perfect|love)\b/.test(norm)
  ) {
    // "??" on its own is a nudge ("still there?"), not anger: alone it is a mild cue.
    const words = (norm.match(/[a-z]{2,}/g) ?? []).length;
    cues.push({ kind: 'punctuation', matched: punct[0], weight: words >= 2 ? 0.6 : 0.3 });
  }
  const score = Math.min(
    1,
    cues.reduce((s, c) => s + c.weight, 0),
  );
  return { score, strong: score >= STRONG_FRUSTRATION, cues };
}
