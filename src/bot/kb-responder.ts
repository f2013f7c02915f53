/** Baton's own bot: the knowledge-base answer engine as a BotResponder. */
import type { AnswerEngine } from './answer-engine.ts';
import type { BotReply, BotResponder } from './bot-reply.ts';

export function answerFromKnowledgeBase(
  engine: AnswerEngine,
  text: string,
  language: string | null = null,
): BotReply {
  // The conversation's language picks the article's translation and the bot's own words.
  const answer = engine.answer(text, language);
  return {
    messages: [answer.text],
    confidence: answer.confidence,
    intent: answer.kind === 'answer' ? answer.intent : answer.kind,
    source: 'kb',
    ...(answer.article ? { article: answer.article } : {}),
  };
}

export function createKbResponder(engine: AnswerEngine): BotResponder {
  return {
    reply: (text, context) =>
      Promise.resolve(answerFromKnowledgeBase(engine, text, context.language)),
  };
}
