/**
 * Which of the languages Baton speaks a customer writes in, from their own words, so that
 * the waiting messages and the agent's routing use it even when the channel does not say.
 * Detection is by `tinyld` (character n-grams) restricted to the five template languages;
 * a few words say too little, so short or ambiguous text yields null and the caller keeps
 * what it knew (the channel's or widget's hint, else English).
 */
import { detectAll } from 'tinyld';

export const DETECTED_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type DetectedLanguage = (typeof DETECTED_LANGUAGES)[number];

const MIN_WORDS = 3;
// tinyld's scores are relative, not probabilities; these were set on the Bitext *train*
// split (English) and the unit examples, then checked on the eval sets.
const MIN_ACCURACY = 0.08;
// The winner must clearly beat the runner-up: Spanish and Portuguese share many n-grams.
const MIN_MARGIN = 2;

export function detectLanguage(text: string): DetectedLanguage | null {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const [best, second] = detectAll(text, { only: [...DETECTED_LANGUAGES] });
  if (!best || best.accuracy < MIN_ACCURACY) return null;
  if (second && best.accuracy < second.accuracy * MIN_MARGIN) return null;
  return (DETECTED_LANGUAGES as readonly string[]).includes(best.lang)
    ? (best.lang as DetectedLanguage)
    : null;
}
