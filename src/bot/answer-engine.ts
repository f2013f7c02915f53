// The bot's answer engine: full-text search (MiniSearch, BM25 with fuzzy and prefix match)
// over the knowledge base in every language it is written in (kb-index.ts), reranked by how
// close the question is to one of each article's short phrases, a calibrated
// confidence, and the decision to answer, ask a clarifying question or hand the question
// on, in the customer's language. Pure: articles in, answers out.
import { articleReply, clarifyReply, emptyQuestionReply, noAnswerReply } from './bot-answer.ts';
import type { ArticleRef, BotAnswer } from './bot-answer.ts';
import { scoreConfidence } from './confidence.ts';
import type { ConfidenceFeatures, ConfidenceModel } from './confidence.ts';
import { phraseLanguage, replyLanguage } from './bot-phrases.ts';
import type { KbArticle } from './kb-article.ts';
import { articleIn, buildKbIndex } from './kb-index.ts';
import type { ArticleText } from './kb-index.ts';
import { primaryLanguage } from './kb-language.ts';
import { detectSmallTalk, smallTalkReply } from './small-talk.ts';

/** Confidence at or above which the bot answers without hedging. */
export const SURE_CONFIDENCE = 0.7;
/** Confidence below which the bot does not answer but clarifies or hands on. */
export const MIN_ANSWER_CONFIDENCE = 0.4;
// Below the answer threshold, a clarifying question only makes sense when both named
// topics share a real part of the question; otherwise the question is out of scope.
const MIN_CLARIFY_COVERAGE = 0.3;

export interface AnswerEngineOptions {
  /** Replaces the fitted confidence model (used by the calibration script). */
  confidenceModel?: ConfidenceModel;
}

/** One ranked article for a query, with the features its confidence came from. */
export interface KbHit {
  article: ArticleRef;
  score: number;
  /** IDF-weighted share of the query's terms found in this article. */
  coverage: number;
}

export interface KbRanking {
  /** The query's search terms after normalisation (empty: nothing to search for). */
  terms: string[];
  /** The language the query was read in (its stop words and stemmer). */
  language: string;
  hits: KbHit[];
  features: ConfidenceFeatures;
  confidence: number;
}

export interface AnswerEngine {
  /**
   * The bot's reply to one customer message, in `language` (the conversation's, e.g.
   * "es" or "pt-BR"); without one, in the language the message is written in.
   */
  answer(text: string, language?: string | null): BotAnswer;
  /** The ranked articles for a query (for "ask the bot" in the inbox, and calibration). */
  rank(text: string, limit?: number, language?: string | null): KbRanking;
}

// A term matched only by a typo or a prefix is weaker evidence than an exact match.
const INEXACT_MATCH_CREDIT = 0.6;
const RERANK_DEPTH = 10;
const COVERAGE_FLOOR = 0.3;
const MIN_QUERY_WEIGHT_SHARE = 0.5;
// A paraphrase tends to resemble one short phrase of its article (the title, an example
// question, a tag) more than the article as a whole: "how can I change my password" is
// close to "How do I reset my password?", while "change" alone points at changing an
// order. The closest phrase (IDF-weighted cosine, 0 to 1) multiplies the lexical score by
// up to 1 + PHRASE_WEIGHT; 2 was best on the development sets (eval/kb-dev-en.jsonl,
// eval/kb-questions.jsonl and the leave-one-out questions of eval/kb-calibration.ts --dev).
const PHRASE_WEIGHT = 2;

/** Builds the engine over a fixed list of articles (rebuild it to reload the knowledge base). */
export function createAnswerEngine(
  articles: readonly KbArticle[],
  options: AnswerEngineOptions = {},
): AnswerEngine {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const index = buildKbIndex(articles);

  function rank(text: string, limit = 5, language?: string | null): KbRanking {
    const queryLanguage = index.guessLanguage(text, primaryLanguage(language));
    const terms = index.queryTerms(text, queryLanguage);
    const idf = (term: string): number => index.idf(term, queryLanguage);
    if (terms.length === 0) {
      const features = { coverage: 0, margin: 0, phrase: 0 };
      return { terms, language: queryLanguage, hits: [], features, confidence: 0 };
    }
    // A question made only of words every article uses ("order?") must not reach full
    // coverage: it names no topic. So the denominator is at least one rare word's weight.
    const totalWeight = Math.max(
      terms.reduce((sum, term) => sum + idf(term), 0),
      MIN_QUERY_WEIGHT_SHARE * idf(''),
    );
    // The raw text, so MiniSearch normalises it exactly once, as `toTerms` did.
    const ranked = index
      .search(text, queryLanguage)
      .slice(0, RERANK_DEPTH)
      .map((result) => {
        const id = String(result.id);
        const articleTerms = index.termsOf(id, queryLanguage);
        const matched = new Set(result.queryTerms);
        let weight = 0;
        for (const term of terms) {
          if (articleTerms.has(term)) weight += idf(term);
          else if (matched.has(term)) weight += INEXACT_MATCH_CREDIT * idf(term);
        }
        // BM25 alone lets a common word in a heavily boosted field outrank the one rare
        // word that names the topic; weighting by IDF coverage puts that word first.
        const lexical = result.score * (COVERAGE_FLOOR + weight / totalWeight);
        const phrase = closestPhrase(terms, index.phrasesOf(id, queryLanguage), idf);
        const article = byId.get(id);
        const hit: KbHit = {
          article: { id, title: article?.title ?? id },
          score: lexical * (1 + PHRASE_WEIGHT * phrase),
          coverage: weight / totalWeight,
        };
        return { hit, lexical, phrase };
      })
      .sort((a, b) => b.hit.score - a.hit.score)
      .slice(0, limit);
    const hits = ranked.map(({ hit }) => hit);
    const [top, second] = ranked;
    const features: ConfidenceFeatures = {
      coverage: top?.hit.coverage ?? 0,
      // From the lexical scores: the phrase factor orders the articles, but it must not make
      // a question that merely shares one word with an example phrase look clear-cut.
      margin:
        top === undefined
          ? 0
          : second === undefined
            ? 1
            : Math.max(0, 1 - second.lexical / top.lexical),
      phrase: top?.phrase ?? 0,
    };
    const confidence = top === undefined ? 0 : scoreConfidence(features, options.confidenceModel);
    return { terms, language: queryLanguage, hits, features, confidence };
  }

  function answer(text: string, language?: string | null): BotAnswer {
    const smallTalk = detectSmallTalk(text);
    const hint = primaryLanguage(language);
    if (smallTalk !== null) {
      const replyIn = replyLanguage(hint ?? index.guessLanguage(text, null));
      return {
        kind: 'answer',
        text: smallTalkReply(smallTalk, phraseLanguage(language, replyIn)),
        confidence: 0.9,
        intent: smallTalk,
        language: replyIn,
      };
    }
    const ranking = rank(text, 5, hint);
    // The conversation's language when known, else the one the question was read in.
    const replyIn = replyLanguage(hint ?? ranking.language);
    const wordedIn = phraseLanguage(language, replyIn);
    const titleOf = (hit: KbHit): string => localized(hit.article.id).title;
    const localized = (id: string): ArticleText => {
      const article = byId.get(id);
      return article ? articleIn(article, hint ?? ranking.language) : emptyText(id);
    };
    const { confidence, hits } = ranking;
    const [top, second, third] = hits;
    if (ranking.terms.length === 0) {
      const reply = emptyQuestionReply(wordedIn);
      return { kind: 'clarify', text: reply, confidence: 0, intent: 'unknown', language: replyIn };
    }
    if (top !== undefined && confidence >= MIN_ANSWER_CONFIDENCE) {
      const article = localized(top.article.id);
      const sure = confidence >= SURE_CONFIDENCE;
      const alternatives = (sure ? [] : [second, third]).filter(isHit).map((hit) => hit.article);
      return {
        kind: 'answer',
        text: articleReply(article.body, article.title, sure, wordedIn),
        confidence,
        intent: 'faq',
        language: replyIn,
        article: top.article,
        ...(alternatives.length > 0 ? { alternatives } : {}),
      };
    }
    if (
      top !== undefined &&
      second !== undefined &&
      top.coverage >= MIN_CLARIFY_COVERAGE &&
      second.coverage >= MIN_CLARIFY_COVERAGE
    ) {
      return {
        kind: 'clarify',
        text: clarifyReply(titleOf(top), titleOf(second), wordedIn),
        confidence,
        intent: 'faq',
        language: replyIn,
        alternatives: [top.article, second.article],
      };
    }
    const reply = noAnswerReply(wordedIn);
    return { kind: 'no_answer', text: reply, confidence, intent: 'unknown', language: replyIn };
  }

  return { answer, rank };
}

// IDF-weighted cosine between the query's terms and the closest of the article's phrases.
function closestPhrase(
  terms: readonly string[],
  phrases: readonly ReadonlySet<string>[],
  idf: (term: string) => number,
): number {
  // As for coverage, a question of common words only ("order?") is not close to anything.
  const queryNorm = Math.max(
    Math.sqrt(terms.reduce((sum, t) => sum + idf(t) ** 2, 0)),
    MIN_QUERY_WEIGHT_SHARE * idf(''),
  );
  let best = 0;
  for (const phrase of phrases) {
    let shared = 0;
    let norm = 0;
    for (const t of phrase) norm += idf(t) ** 2;
    for (const t of terms) if (phrase.has(t)) shared += idf(t) ** 2;
    if (shared > 0) best = Math.max(best, shared / (queryNorm * Math.sqrt(norm)));
  }
  return best;
}

function emptyText(id: string): ArticleText {
  return { language: 'en', title: id, tags: [], questions: [], body: '' };
}

function isHit(hit: KbHit | undefined): hit is KbHit {
  return hit !== undefined;
}
