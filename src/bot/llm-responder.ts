/**
 * An LLM behind an OpenAI-compatible chat completions API (OpenAI, Azure, Ollama, vLLM,
 * LM Studio …), grounded in the knowledge-base articles the search finds. It has a timeout;
 * when the model is slow, down or answers nothing, the answer engine answers instead.
 */
import OpenAI from 'openai';
import type { AnswerEngine } from './answer-engine.ts';
import { primaryLanguage } from './kb-language.ts';
import type { BotContext, BotReply, BotResponder } from './bot-reply.ts';
import type { KbArticle } from './kb-article.ts';
import { articleIn } from './kb-index.ts';
import type { ArticleText } from './kb-index.ts';
import { answerFromKnowledgeBase } from './kb-responder.ts';

export interface LlmResponderOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly botName: string;
  readonly engine: AnswerEngine;
  /** The article behind a search hit (the knowledge base may reload between calls). */
  readonly article: (id: string) => KbArticle | undefined;
  readonly onFallback?: (error: unknown) => void;
}

/** The model says this (alone) when the articles do not answer the question. */
export const NO_ANSWER = 'NO_ANSWER';

export function createLlmResponder(options: LlmResponderOptions): BotResponder {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, maxRetries: 0 });
  return {
    async reply(text: string, context: BotContext): Promise<BotReply> {
      const ranking = options.engine.rank(text, 3, context.language);
      // The articles in the customer's language where they have it (see docs/bot.md).
      const language = primaryLanguage(context.language) ?? ranking.language;
      const grounding = ranking.hits
        .map((h) => options.article(h.article.id))
        .filter((a) => a !== undefined)
        .map((a) => articleIn(a, language));
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0.2,
            messages: [
              { role: 'system', content: systemPrompt(options.botName, grounding) },
              ...context.turns.slice(-6).flatMap((t) =>
                t.text && (t.from === 'customer' || t.from === 'bot')
                  ? [
                      {
                        role: t.from === 'customer' ? ('user' as const) : ('assistant' as const),
                        content: t.text,
                      },
                    ]
                  : [],
              ),
              ...(context.turns.at(-1)?.text === text
                ? []
                : [{ role: 'user' as const, content: text }]),
            ],
          },
          { timeout: options.timeoutMs },
        );
        const answer = completion.choices[0]?.message?.content?.trim() ?? '';
        if (answer === '' || answer.includes(NO_ANSWER)) {
          // The model found nothing in the articles: the answer engine's no-answer/clarify path.
          return {
            ...answerFromKnowledgeBase(options.engine, text, context.language),
            source: 'kb_fallback',
          };
        }
        const top = ranking.hits[0]?.article;
        return {
          messages: [answer],
          // The model's own certainty is not calibrated; the retrieval's is (docs/bot.md).
          confidence: ranking.confidence,
          intent: 'faq',
          source: 'llm',
          ...(top ? { article: top } : {}),
        };
      } catch (error) {
        options.onFallback?.(error);
        return {
          ...answerFromKnowledgeBase(options.engine, text, context.language),
          source: 'kb_fallback',
        };
      }
    },
  };
}

function systemPrompt(botName: string, articles: readonly ArticleText[]): string {
  const sources = articles.map((a) => `## ${a.title}\n${a.body}`).join('\n\n');
  return [
    `You are ${botName}, an automated assistant (a bot, not a person) for an online shop.`,
    'Answer the customer briefly and only from the articles below. Never claim to be human.',
    "Answer in the customer's language.",
    `If the articles do not answer the question, reply with exactly ${NO_ANSWER}.`,
    'A person from the team is available on request.',
    '',
    sources || '(no articles)',
  ].join('\n');
}
