// The bot's answer engine: full-text search (MiniSearch, BM25 with fuzzy and prefix match)
// over the knowledge base, a calibrated confidence, and the decision to answer, ask a
// clarifying question or hand the question on. Pure: articles in, answers out.
import MiniSearch from 'minisearch';
import { articleReply, clarifyReply, emptyQuestionReply, noAnswerReply } from './bot-answer.ts';
import type { ArticleRef, BotAnswer } from './bot-answer.ts';
import { scoreConfidence } from './confidence.ts';
import type { ConfidenceFeatures, ConfidenceModel } from './confidence.ts';
import type { KbArticle } from './kb-article.ts';
import { detectSmallTalk, smallTalkReply } from './small-talk.ts';
import { normalizeTerm, toTerms, tokenize } from './text-terms.ts';

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
  hits: KbHit[];
  features: ConfidenceFeatures;
  confidence: number;
}

export interface AnswerEngine {
  /** The bot's reply to one customer message. */
  answer(text: string): BotAnswer;
  /** The ranked articles for a query (for "ask the bot" in the inbox, and calibration). */
  rank(text: string, limit?: number): KbRanking;
}

interface IndexedArticle {
  id: string;
  title: string;
  questions: string;
  tags: string;
  body: string;
}

const BOOST = { title: 3, questions: 2.5, tags: 2, body: 1 };
// A term matched only by a typo or a prefix is weaker evidence than an exact match.
const INEXACT_MATCH_CREDIT = 0.6;
const RERANK_DEPTH = 10;
const COVERAGE_FLOOR = 0.3;
const MIN_QUERY_WEIGHT_SHARE = 0.5;

/** Builds the engine over a fixed list of articles (rebuild it to reload the knowledge base). */
export function createAnswerEngine(
  articles: readonly KbArticle[],
  options: AnswerEngineOptions = {},
): AnswerEngine {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const index = new MiniSearch<IndexedArticle>({
    fields: ['title', 'questions', 'tags', 'body'],
    tokenize,
    processTerm: normalizeTerm,
    searchOptions: {
      boost: BOOST,
      combineWith: 'OR',
      // Typos only in longer words: a one-letter slip in "cost" would match "cast".
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 4,
    },
  });
  index.addAll(
    articles.map((article) => ({
      id: article.id,
      title: article.title,
      questions: article.questions.join('\n'),
      tags: article.tags.join('\n'),
      body: article.body,
    })),
  );
  const termsById = new Map(
    articles.map((article) => [article.id, new Set(toTerms(articleText(article)))]),
  );
  const idf = inverseDocumentFrequency([...termsById.values()]);

  function rank(text: string, limit = 5): KbRanking {
    const terms = toTerms(text);
    if (terms.length === 0) {
      return { terms, hits: [], features: { coverage: 0, margin: 0 }, confidence: 0 };
    }
    // A question made only of words every article uses ("order?") must not reach full
    // coverage: it names no topic. So the denominator is at least one rare word's weight.
    const totalWeight = Math.max(
      terms.reduce((sum, term) => sum + idf(term), 0),
      MIN_QUERY_WEIGHT_SHARE * idf(''),
    );
    // The raw text, so MiniSearch normalises it exactly once, as `toTerms` did.
    const hits = index
      .search(text)
      .slice(0, RERANK_DEPTH)
      .map((result): KbHit => {
        const articleTerms = termsById.get(String(result.id)) ?? new Set<string>();
        const matched = new Set(result.queryTerms);
        let weight = 0;
        for (const term of terms) {
          if (articleTerms.has(term)) weight += idf(term);
          else if (matched.has(term)) weight += INEXACT_MATCH_CREDIT * idf(term);
        }
        const article = byId.get(String(result.id));
        return {
          article: { id: String(result.id), title: article?.title ?? String(result.id) },
          // BM25 alone lets a common word in a heavily boosted field outrank the one rare
          // word that names the topic; weighting by IDF coverage puts that word first.
          score: result.score * (COVERAGE_FLOOR + weight / totalWeight),
          coverage: weight / totalWeight,
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const [top, second] = hits;
    const features: ConfidenceFeatures = {
      coverage: top?.coverage ?? 0,
      margin: top === undefined ? 0 : second === undefined ? 1 : 1 - second.score / top.score,
    };
    const confidence = top === undefined ? 0 : scoreConfidence(features, options.confidenceModel);
    return { terms, hits, features, confidence };
  }

  function answer(text: string): BotAnswer {
    const smallTalk = detectSmallTalk(text);
    if (smallTalk !== null) {
      return {
        kind: 'answer',
        text: smallTalkReply(smallTalk),
        confidence: 0.9,
        intent: smallTalk,
      };
    }
    const ranking = rank(text);
    const { confidence, hits } = ranking;
    const [top, second, third] = hits;
    if (ranking.terms.length === 0) {
      return { kind: 'clarify', text: emptyQuestionReply(), confidence: 0, intent: 'unknown' };
    }
    if (top !== undefined && confidence >= MIN_ANSWER_CONFIDENCE) {
      const article = byId.get(top.article.id);
      const sure = confidence >= SURE_CONFIDENCE;
      const alternatives = (sure ? [] : [second, third]).filter(isHit).map((hit) => hit.article);
      return {
        kind: 'answer',
        text: articleReply(article?.body ?? '', top.article.title, sure),
        confidence,
        intent: 'faq',
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
        text: clarifyReply(top.article, second.article),
        confidence,
        intent: 'faq',
        alternatives: [top.article, second.article],
      };
    }
    return { kind: 'no_answer', text: noAnswerReply(), confidence, intent: 'unknown' };
  }

  return { answer, rank };
}

function isHit(hit: KbHit | undefined): hit is KbHit {
  return hit !== undefined;
}

function articleText(article: KbArticle): string {
  return [article.title, ...article.questions, ...article.tags, article.body].join('\n');
}

// Smoothed IDF over articles; a term no article contains gets the highest weight, because
// an unknown word is the strongest sign that the question is about something else.
function inverseDocumentFrequency(documents: Set<string>[]): (term: string) => number {
  const count = new Map<string, number>();
  for (const terms of documents) {
    for (const term of terms) count.set(term, (count.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return (term) => Math.log(1 + n / ((count.get(term) ?? 0) + 0.5));
}
