// The search index over a knowledge base in several languages. Each article is one
// document with its title, questions, tags and body once per language it is written in,
// each field normalised with its own language's stop words and stemmer; a question is
// normalised in the language it is written in, guessed from its words (see guessLanguage).
import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { DEFAULT_ARTICLE_LANGUAGE, foldAccents, isKbLanguage } from './kb-language.ts';
import type { KbArticle } from './kb-article.ts';
import { isStopWord } from './stop-words.ts';
import { normalizeTerm, toTerms, tokenize } from './text-terms.ts';

const FIELD_BOOST = { title: 3, questions: 2.5, tags: 2, body: 1 };
type FieldName = keyof typeof FIELD_BOOST;
const FIELD_NAMES = Object.keys(FIELD_BOOST) as FieldName[];
// The conversation's language wins a tie: "paypal?" is read in the language spoken so far.
const HINT_BONUS = 0.5;

/** An article's text in one language. */
export interface ArticleText {
  language: string;
  title: string;
  tags: string[];
  questions: string[];
  body: string;
}

/** Every language version of an article, its own (main) one first. */
export function articleTexts(article: KbArticle): ArticleText[] {
  const main: ArticleText = { ...article, language: article.language ?? DEFAULT_ARTICLE_LANGUAGE };
  const translations = Object.entries(article.translations ?? {}).map(([language, text]) => ({
    ...text,
    language,
  }));
  return [main, ...translations];
}

/** The article in `language`, or in its own language when it has no such translation. */
export function articleIn(article: KbArticle, language: string): ArticleText {
  const texts = articleTexts(article);
  return texts.find((text) => text.language === language) ?? (texts[0] as ArticleText);
}

export interface KbIndex {
  /** The language a question is most likely written in, among the knowledge base's. */
  guessLanguage(text: string, hint: string | null): string;
  /** The distinct search terms of a question read in `language`. */
  queryTerms(text: string, language: string): string[];
  /** Searches every language's fields: Portuguese and Spanish stems often meet. */
  search(text: string, language: string): SearchResult[];
  /**
   * The distinct search terms of an article in `language` and in its own language, for
   * coverage: a match only in another language's text is weaker evidence (stems collide:
   * German "Gast", guest, and Spanish "gastos", costs, both become "gast").
   */
  termsOf(id: string, language: string): ReadonlySet<string>;
  /** Smoothed IDF over articles for questions in `language`; unknown terms weigh most. */
  idf(term: string, language: string): number;
  /**
   * The article's short phrases (title, each example question, each tag) as term sets, in
   * `language` and in its own language: a paraphrase usually resembles one of them.
   */
  phrasesOf(id: string, language: string): readonly ReadonlySet<string>[];
}

export function buildKbIndex(articles: readonly KbArticle[]): KbIndex {
  const languages = [...new Set(articles.flatMap((a) => articleTexts(a).map((t) => t.language)))];
  const fields = languages.flatMap((language) => FIELD_NAMES.map((f) => `${f}:${language}`));
  const languageOf = new Map(fields.map((field) => [field, field.split(':')[1]]));
  const boost = Object.fromEntries(
    fields.map((field) => [field, FIELD_BOOST[field.split(':')[0] as FieldName]]),
  );
  const index = new MiniSearch<Record<string, string>>({
    fields,
    tokenize,
    processTerm: (term, field) => normalizeTerm(term, languageOf.get(field ?? '')),
    searchOptions: {
      boost,
      combineWith: 'OR',
      // Typos only in longer words: a one-letter slip in "cost" would match "cast".
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 4,
    },
  });
  const vocabulary = new Map<string, Set<string>>(languages.map((l) => [l, new Set<string>()]));
  // Article id → language → its terms in that language.
  const termsById = new Map<string, Map<string, Set<string>>>();
  const phrasesById = new Map<string, Map<string, Set<string>[]>>();
  index.addAll(
    articles.map((article) => {
      const document: Record<string, string> = { id: article.id };
      const byLanguage = new Map<string, Set<string>>();
      const phrases = new Map<string, Set<string>[]>();
      for (const text of articleTexts(article)) {
        phrases.set(
          text.language,
          [text.title, ...text.questions, ...text.tags]
            .map((phrase) => new Set(toTerms(phrase, text.language)))
            .filter((terms) => terms.size > 0),
        );
        document[`title:${text.language}`] = text.title;
        document[`questions:${text.language}`] = text.questions.join('\n');
        document[`tags:${text.language}`] = text.tags.join('\n');
        document[`body:${text.language}`] = text.body;
        const joined = [text.title, ...text.questions, ...text.tags, text.body].join('\n');
        const terms = new Set(toTerms(joined, text.language));
        byLanguage.set(text.language, terms);
        for (const term of terms) vocabulary.get(text.language)?.add(term);
      }
      termsById.set(article.id, byLanguage);
      phrasesById.set(article.id, phrases);
      return document;
    }),
  );

  const termsOf = (id: string, language: string): Set<string> => {
    const byLanguage = termsById.get(id);
    const article = articles.find((a) => a.id === id);
    const main = byLanguage?.get(article?.language ?? DEFAULT_ARTICLE_LANGUAGE);
    return new Set([...(byLanguage?.get(language) ?? []), ...(main ?? [])]);
  };
  const views = new Map<string, { terms: Map<string, Set<string>>; idf: (t: string) => number }>();
  const view = (language: string) => {
    let found = views.get(language);
    if (found === undefined) {
      const terms = new Map(articles.map((a) => [a.id, termsOf(a.id, language)]));
      found = { terms, idf: inverseDocumentFrequency([...terms.values()]) };
      views.set(language, found);
    }
    return found;
  };
  const known = (term: string, language: string): boolean =>
    vocabulary.get(language)?.has(term) ?? false;
  const processQueryTerm = (word: string, language: string): string[] => {
    const term = normalizeTerm(word, language);
    if (term === null) return [];
    if (language !== 'de' || known(term, language)) return [term];
    return splitCompound(word, (part) => normalizeTerm(part, language), known) ?? [term];
  };

  // Counts the words that are stop words or knowledge-base words of each language; short
  // questions are too short for a character-statistics detector, but rarely for this.
  function guessLanguage(text: string, hint: string | null): string {
    const words = tokenize(text);
    let best = hint !== null && languages.includes(hint) ? hint : (languages[0] ?? 'en');
    let bestScore = -1;
    for (const language of languages) {
      let score = language === hint ? HINT_BONUS : 0;
      for (const word of words) {
        const folded = foldAccents(word);
        if (isKbLanguage(language) && isStopWord(folded, language)) score += 1;
        else if (known(normalizeTerm(word, language) ?? '', language)) score += 1;
      }
      if (score > bestScore) [best, bestScore] = [language, score];
    }
    return best;
  }

  return {
    guessLanguage,
    queryTerms: (text, language) => [
      ...new Set(tokenize(text).flatMap((word) => processQueryTerm(word, language))),
    ],
    search: (text, language) =>
      index.search(text, {
        processTerm: (term) => processQueryTerm(term, language),
      }),
    termsOf: (id, language) => view(language).terms.get(id) ?? new Set<string>(),
    idf: (term, language) => view(language).idf(term),
    phrasesOf: (id, language) => {
      const byLanguage = phrasesById.get(id);
      const main = articles.find((a) => a.id === id)?.language ?? DEFAULT_ARTICLE_LANGUAGE;
      const own = byLanguage?.get(language) ?? [];
      return language === main ? own : [...own, ...(byLanguage?.get(main) ?? [])];
    },
  };
}

/**
 * German writes compounds as one word ("Rückgabebedingungen", "Geschenkgutschein") that
 * the articles may not contain whole. A word the knowledge base does not know is split
 * after its longest known head ("Rückgabe"), keeping the rest ("Bedingungen", without a
 * linking "s"/"n"/"es"/"en") when that is known or long enough to name something.
 */
function splitCompound(
  word: string,
  normalize: (part: string) => string | null,
  known: (term: string, language: string) => boolean,
): string[] | null {
  const folded = foldAccents(word.toLowerCase());
  for (let cut = folded.length - 3; cut >= 4; cut -= 1) {
    const head = normalize(folded.slice(0, cut));
    if (head === null || !known(head, 'de')) continue;
    const rest = folded.slice(cut);
    for (const tail of [rest, rest.replace(/^(es|en|s|n)/, '')]) {
      const term = tail.length >= 3 ? normalize(tail) : null;
      if (term !== null && (known(term, 'de') || tail.length >= 5)) return [head, term];
    }
  }
  return null;
}

function inverseDocumentFrequency(documents: Set<string>[]): (term: string) => number {
  const count = new Map<string, number>();
  for (const terms of documents) {
    for (const term of terms) count.set(term, (count.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return (term) => Math.log(1 + n / ((count.get(term) ?? 0) + 0.5));
}
