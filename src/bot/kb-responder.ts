/** Baton's own bot: the knowledge-base answer engine as a BotResponder. */
import type { AnswerEngine } from './answer-engine.ts';
import type { BotReply, BotResponder } from './bot-reply.ts';

export function answerFromKnowledgeBase(engine: AnswerEngine, text: string): BotReply {
  const answer = engine.answer(text);
  return {
    messages: [answer.text],
    confidence: answer.confidence,
    intent: answer.kind === 'answer' ? answer.intent : answer.kind,
    source: 'kb',
    ...(answer.article ? { article: answer.article } : {}),
  };
}

export function createKbResponder(engine: AnswerEngine): BotResponder {
  return { reply: (text) => Promise.resolve(answerFromKnowledgeBase(engine, text)) };
}
