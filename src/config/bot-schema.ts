/** `bot`: who answers before a handoff (docs/bot.md). */
import { Type } from '@sinclair/typebox';

export const BotSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, default: 'Northwind Assistant' }),
    knowledgeBaseDir: Type.String({ minLength: 1, default: 'kb/demo' }),
    engine: Type.Union(
      [Type.Literal('kb'), Type.Literal('llm'), Type.Literal('external'), Type.Literal('rasa')],
      { default: 'kb', description: 'BATON_BOT_ENGINE: who answers before the handoff.' },
    ),
    llm: Type.Object(
      {
        baseUrl: Type.Optional(Type.String({ minLength: 1 })),
        apiKey: Type.String({ default: 'not-needed' }),
        model: Type.Optional(Type.String({ minLength: 1 })),
        timeoutMs: Type.Integer({ minimum: 100, default: 8000 }),
        summaries: Type.Boolean({
          default: true,
          description:
            'BATON_LLM_SUMMARIES: with an LLM configured, add an abstractive summary to each handoff packet.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    external: Type.Object(
      {
        url: Type.Optional(Type.String({ minLength: 1 })),
        secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]+$' })),
        timeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    rasa: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            pattern: '^https?://',
            description: 'BATON_RASA_URL: the Rasa server, e.g. http://rasa:5005.',
          }),
        ),
        token: Type.Optional(
          Type.String({
            minLength: 1,
            description: 'BATON_RASA_TOKEN: sent as a bearer token (for a proxy before Rasa).',
          }),
        ),
        timeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
        handoffPayload: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 200,
            description:
              'A button payload (e.g. /human_handoff) that hands over when pressed, without asking Rasa.',
          }),
        ),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);
