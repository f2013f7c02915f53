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
    'de la el en y que un una le les et des du je vous der die das und ich sie ein eine o um com ' +
    // Articles, prepositions, pronouns and auxiliaries of es/de/fr/pt (thirteenth round: "et
    // combien pour l'itinérance en Italie ?" shared "pour" with the question it followed).
    'los las del al por para con mi mis tu tus su sus es son lo se me te nos ' +
    'den dem des zu zum zur mit fur von vom bei im am auf aus ist sind mein meine meinen mir mich es ' +
    'pour par sur avec dans au aux ai as est sont mon ma mes ton ta tes votre vos son sa ses ce ' +
    'cet cette ces il elle on nous ne pas ' +
    'os as do da dos das no na nos nas ao meu minha meus seu sua'
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

/**
 * How alike two questions are, 0..1, by their content words: the shorter message's words found
 * in the longer one, where each of its words the longer one lacks counts twice
 * (shared / (shared + 2 × new)); 0 when either has fewer than two words.
 *
 * Why not the plain share of the shorter message (thirteenth round): a short follow-up names one
 * new thing beside words of the question it follows ("and roaming charges in Italy?" after "What
 * were my roaming charges in France?", 2 of 3 words), so it counted as the same question asked
 * again; a short rephrasing mostly repeats the question's words ("can I change the address?",
 * 2 of 2). The new word is the changed slot of a follow-up, so it weighs more than a word shared.
 */
export function questionSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  const added = small.size - shared;
  return shared / (shared + 2 * added);
}
