/** Picks the bot that answers before a handoff, from the configuration. */
import type { AnswerEngine, KbArticle } from '../../bot/index.ts';
import type { BotResponder } from '../../bot/bot-reply.ts';
import { createExternalBotResponder } from '../../bot/external-bot-responder.ts';
import { createKbResponder } from '../../bot/kb-responder.ts';
import { createLlmResponder } from '../../bot/llm-responder.ts';
import { createRasaResponder } from '../../bot/rasa-responder.ts';
import type { ResolvedConfig } from '../../config/load-config.ts';

export function createBotFor(
  config: ResolvedConfig,
  engine: AnswerEngine,
  article: (id: string) => KbArticle | undefined,
  onLlmFallback: (error: unknown) => void,
): BotResponder {
  const bot = config.bot;
  switch (bot.engine) {
    case 'kb':
      return createKbResponder(engine);
    case 'llm':
      return createLlmResponder({
        // loadConfig has checked that both are set for this engine.
        baseUrl: bot.llm.baseUrl as string,
        model: bot.llm.model as string,
        apiKey: bot.llm.apiKey,
        timeoutMs: bot.llm.timeoutMs,
        botName: bot.name,
        engine,
        article,
        onFallback: onLlmFallback,
      });
    case 'external':
      return createExternalBotResponder({
        url: bot.external.url as string,
        secret: bot.external.secret as string,
        timeoutMs: bot.external.timeoutMs,
      });
    case 'rasa':
      return createRasaResponder({
        // loadConfig has checked that the URL is set for this engine.
        url: bot.rasa.url as string,
        timeoutMs: bot.rasa.timeoutMs,
        ...(bot.rasa.token ? { token: bot.rasa.token } : {}),
        ...(bot.rasa.handoffPayload ? { handoffPayload: bot.rasa.handoffPayload } : {}),
      });
  }
}
