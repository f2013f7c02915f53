/**
 * A Rasa assistant behind Baton, through Rasa's REST channel: each customer message is POSTed
 * to `<url>/webhooks/rest/webhook` as `{ sender, message }` and Rasa answers with a list of
 * messages (`text`, `buttons`, `image`, `custom`). A `custom` payload `{ "handoff": true }`
 * asks for a person. A timeout, an error status or an answer that is not that list is
 * thrown, and the conversation service hands over with reason `bot_error`: never silence.
 */
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { BotChoice, BotContext, BotReply, BotResponder } from './bot-reply.ts';
import { ExternalBotError } from './external-bot-responder.ts';

export interface RasaResponderOptions {
  /** The Rasa server's base URL (`http://rasa:5005`). */
  readonly url: string;
  /** Sent as `Authorization: Bearer …` (Rasa's REST channel itself asks for none). */
  readonly token?: string;
  readonly timeoutMs: number;
  /** A button payload that means "a person, please": handed over without asking Rasa. */
  readonly handoffPayload?: string;
}

const RasaMessage = Type.Object(
  {
    recipient_id: Type.Optional(Type.String()),
    text: Type.Optional(Type.String({ maxLength: 4000 })),
    image: Type.Optional(Type.String({ maxLength: 2000 })),
    buttons: Type.Optional(
      Type.Array(
        Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            payload: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: true },
        ),
        { maxItems: 20 },
      ),
    ),
    custom: Type.Optional(Type.Unknown()),
  },
  // Rasa adds keys for other message types (attachment, elements …): ignored.
  { additionalProperties: true },
);
const RasaAnswer = Type.Array(RasaMessage, { maxItems: 20 });
const checkAnswer = TypeCompiler.Compile(RasaAnswer);

/** The `custom` payload that asks for a person (docs/bot.md, "Rasa"). */
const RasaHandoff = Type.Object(
  {
    handoff: Type.Literal(true),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    summary: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: true },
);
const checkHandoff = TypeCompiler.Compile(RasaHandoff);

export function createRasaResponder(options: RasaResponderOptions): BotResponder {
  const endpoint = `${options.url.replace(/\/+$/, '')}/webhooks/rest/webhook`;
  return {
    async reply(text: string, context: BotContext): Promise<BotReply> {
      if (options.handoffPayload !== undefined && text === options.handoffPayload) {
        return handoffReply({ reason: 'explicit_request' });
      }
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          // The conversation id is Rasa's sender id: one tracker per conversation.
          body: JSON.stringify({ sender: context.conversationId, message: text }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new ExternalBotError(
          `Rasa at ${endpoint} did not answer: ${(error as Error).message}`,
        );
      }
      if (!response.ok) throw new ExternalBotError(`Rasa answered HTTP ${response.status}`);
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        throw new ExternalBotError('Rasa answered something that is not JSON');
      }
      if (!checkAnswer.Check(answer)) {
        const first = checkAnswer.Errors(answer).First();
        throw new ExternalBotError(
          `Rasa's answer is not a REST channel answer: ${first?.path} ${first?.message}`,
        );
      }
      return toReply(answer);
    },
  };
}

function toReply(answer: Static<typeof RasaAnswer>): BotReply {
  const messages: string[] = [];
  const choices = new Map<string, BotChoice>();
  for (const message of answer) {
    if (message.custom !== undefined && checkHandoff.Check(message.custom)) {
      const { reason, summary } = message.custom;
      return handoffReply({
        reason: reason ?? 'out_of_scope',
        ...(summary ? { note: summary } : {}),
      });
    }
    if (message.text?.trim()) messages.push(message.text);
    // An image alone reaches the customer as its address (every channel can carry a link).
    else if (message.image?.trim()) messages.push(message.image);
    for (const button of message.buttons ?? []) {
      if (!choices.has(button.payload)) {
        choices.set(button.payload, { label: button.title, payload: button.payload });
      }
    }
  }
  if (messages.length === 0) {
    // Rasa said nothing this Baton can show: a handoff, never silence.
    throw new ExternalBotError('Rasa answered with no text and no handoff');
  }
  return {
    messages,
    // Rasa's REST channel does not say how sure it is: sure, so that missing data is not
    // read as a failed attempt by the policy.
    confidence: 1,
    intent: 'rasa',
    source: 'rasa',
    ...(choices.size > 0 ? { choices: [...choices.values()] } : {}),
  };
}

function handoffReply(handoff: { reason: string; note?: string }): BotReply {
  return { messages: [], confidence: 1, intent: 'rasa', source: 'rasa', handoff };
}
