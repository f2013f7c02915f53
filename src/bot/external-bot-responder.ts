/**
 * A company's own bot (Rasa, Botpress, a custom LLM app) behind Baton. Each customer
 * message is POSTed to the bot's URL, signed as Standard Webhooks says; the bot answers with
 * messages and optionally confidence, intent, fields it collected, or a handoff request.
 * A timeout, an error status or an answer that does not fit the contract is thrown, and the
 * conversation service hands over with reason `bot_error`: never silence.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Webhook } from 'standardwebhooks';
import type { BotContext, BotReply, BotResponder } from './bot-reply.ts';

export interface ExternalBotOptions {
  readonly url: string;
  /** The signing secret, `whsec_…` (base64) as Standard Webhooks defines it. */
  readonly secret: string;
  readonly timeoutMs: number;
}

const ExternalBotAnswer = Type.Object(
  {
    messages: Type.Array(Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }), {
      maxItems: 10,
    }),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    intent: Type.Optional(Type.String({ maxLength: 100 })),
    fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    handoff: Type.Optional(
      Type.Object({
        reason: Type.String({ minLength: 1, maxLength: 64 }),
        note: Type.Optional(Type.String({ maxLength: 1000 })),
      }),
    ),
  },
  // Unknown keys are allowed (bots evolve) and simply ignored.
  { additionalProperties: true },
);
const checkAnswer = TypeCompiler.Compile(ExternalBotAnswer);

export class ExternalBotError extends Error {
  override readonly name = 'ExternalBotError';
}

export function createExternalBotResponder(options: ExternalBotOptions): BotResponder {
  const signer = new Webhook(options.secret);
  return {
    async reply(text: string, context: BotContext): Promise<BotReply> {
      const id = `msg_${randomUUID().replaceAll('-', '')}`;
      const timestamp = new Date();
      const body = JSON.stringify({
        type: 'message.created',
        conversation: {
          id: context.conversationId,
          channel: context.channel,
          language: context.language,
          customer: context.customer,
        },
        message: { text },
        transcript: context.turns.slice(-20),
      });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signer.sign(id, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new ExternalBotError(
          `the bot at ${options.url} did not answer: ${(error as Error).message}`,
        );
      }
      if (!response.ok) throw new ExternalBotError(`the bot answered HTTP ${response.status}`);
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        throw new ExternalBotError('the bot answered something that is not JSON');
      }
      if (!checkAnswer.Check(answer)) {
        const first = checkAnswer.Errors(answer).First();
        throw new ExternalBotError(
          `the bot's answer does not fit the contract: ${first?.path} ${first?.message}`,
        );
      }
      return toReply(answer);
    },
  };
}

function toReply(answer: Static<typeof ExternalBotAnswer>): BotReply {
  if (answer.messages.length === 0 && !answer.handoff) {
    throw new ExternalBotError('the bot answered with no message and no handoff');
  }
  return {
    messages: answer.messages.map((m) => m.text),
    // A bot that does not say how sure it is counts as sure: the policy must not read
    // missing data as failure.
    confidence: answer.confidence ?? 1,
    intent: answer.intent ?? 'external',
    source: 'external',
    ...(answer.handoff ? { handoff: answer.handoff } : {}),
    ...(answer.fields ? { reportedFields: answer.fields } : {}),
  };
}
