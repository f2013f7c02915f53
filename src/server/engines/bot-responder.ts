/** Adapts the knowledge-base answer engine (src/bot) to the service's BotResponder port. */
import type { AnswerEngine } from '../../bot/index.ts';
import type { BotReply, BotResponder } from '../conversations/ports.ts';

export function createBotResponder(engine: AnswerEngine): BotResponder {
  return {
    reply(customerText: string): BotReply {
      const answer = engine.answer(customerText);
      return {
        text: answer.text,
        confidence: answer.confidence,
        kind: answer.kind === 'answer' ? answer.intent : answer.kind,
        ...(answer.article ? { article: answer.article } : {}),
      };
    },
  };
}
