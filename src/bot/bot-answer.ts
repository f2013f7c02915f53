// What the answer engine returns, and the wording of its replies. The bot always says it
// is automated when it cannot help, and always offers a person, in the customer's language.
import { phrasesFor } from './bot-phrases.ts';
import type { SmallTalkIntent } from './small-talk.ts';

export interface ArticleRef {
  id: string;
  title: string;
}

/** `faq`: a knowledge-base question; `unknown`: nothing in the knowledge base fits. */
export type BotIntent = SmallTalkIntent | 'faq' | 'unknown';

export interface BotAnswer {
  /** `answer` ≥ 0.4 confidence (or small talk); `clarify` / `no_answer` below. */
  kind: 'answer' | 'clarify' | 'no_answer';
  text: string;
  /** Calibrated probability that `article` answers the question (0..1). */
  confidence: number;
  intent: BotIntent;
  /** The language `text` is written in (an article without it falls back to its own). */
  language: string;
  /** The article the answer is taken from (for `answer` on a knowledge-base question). */
  article?: ArticleRef;
  /** The next-closest articles: the topics a clarifying question names, or "see also". */
  alternatives?: ArticleRef[];
}

/** The article's answer, ending with its title as the reference. */
export function articleReply(body: string, title: string, sure: boolean, language = 'en'): string {
  const phrases = phrasesFor(language);
  // Below "sure" the bot hedges, so a wrong guess does not sound like a promise.
  const lead = sure ? '' : `${phrases.hedge}\n\n`;
  return `${lead}${body}\n\n${phrases.source}: "${title}"`;
}

export function clarifyReply(first: string, second: string, language = 'en'): string {
  return phrasesFor(language).clarify(first, second);
}

export function noAnswerReply(language = 'en'): string {
  return phrasesFor(language).noAnswer;
}

export function emptyQuestionReply(language = 'en'): string {
  return phrasesFor(language).emptyQuestion;
}
