// "The customer asks the same thing again": similarity of two messages by their content words
// (stop words removed, light stemming), so rewordings count, not only identical text.
import { normalizeText, wordTokens } from './normalize-text.ts';

const STOP = new Set(
  (
    "a an the i i'm im me my we our you your it it's its is are was were be been am do does did " +
    'to of in on at for with and or but so if then that this these those there here what which ' +
    'who how when where why can could would should will just ok okay please pls yes no not ' +
    'asking ask said say again still also really very some any all one get got going go want need ' +
    'like know tell thanks thank hi hello hey oh ah um as from about by up out into than too ' +
    'de la el en y que un una le les et des du je vous der die das und ich sie ein eine o um com'
  ).split(' '),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Content-word stems of a message. */
export function contentWords(text: string): Set<string> {
  return new Set(
    wordTokens(normalizeText(text))
      .filter((w) => !STOP.has(w) && w.length > 1)
      .map(stem),
  );
}

/** Overlap coefficient of two content-word sets, 0 when either has fewer than two words. */
export function questionSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}
