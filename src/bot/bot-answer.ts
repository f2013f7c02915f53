// What the answer engine returns, and the wording of its replies. The bot always says it
// is automated when it cannot help, and always offers a person.
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
  /** The article the answer is taken from (for `answer` on a knowledge-base question). */
  article?: ArticleRef;
  /** The next-closest articles: the topics a clarifying question names, or "see also". */
  alternatives?: ArticleRef[];
}

/** The article's answer, ending with its title as the reference. */
export function articleReply(body: string, title: string, sure: boolean): string {
  // Below "sure" the bot hedges, so a wrong guess does not sound like a promise.
  const lead = sure ? '' : 'I think this is what you are looking for:\n\n';
  return `${lead}${body}\n\nSource: "${title}"`;
}

export function clarifyReply(first: ArticleRef, second: ArticleRef): string {
  return `I'm an automated assistant and I'm not sure I understood. Is your question about "${first.title}" or "${second.title}"? You can also ask for a person at any time.`;
}

export function noAnswerReply(): string {
  return "I'm an automated assistant and I can't answer that one. If you'd like, a person from our team can help: just ask for a person.";
}

export function emptyQuestionReply(): string {
  return "I'm an automated assistant. What would you like to know? You can ask me a question in your own words, or ask for a person at any time.";
}
