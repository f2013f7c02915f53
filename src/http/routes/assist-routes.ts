/** GET /api/v1/kb/search and POST …/repeat-check: help for the agent, never shown to the customer. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { checkRepeat } from '../../core/handoff/check-repeat.ts';
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, bearer, errors } from './schemas.ts';
import { Hit, Warning } from './assist-schemas.ts';

const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});
const DraftBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export function registerAssistRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/api/v1/kb/search',
    {
      schema: {
        summary: 'Ask the bot: search the knowledge base (agents only)',
        tags: ['agent'],
        security: bearer,
        querystring: SearchQuery,
        response: { 200: Type.Object({ hits: Type.Array(Hit) }), ...errors(400, 401) },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      return { hits: ctx.knowledge.search(request.query.q, request.query.limit ?? 5) };
    },
  );

  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof DraftBody> }>(
    '/api/v1/conversations/:id/repeat-check',
    {
      schema: {
        summary: 'Repeat guard: does this draft ask for something the conversation already holds?',
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        body: DraftBody,
        response: { 200: Type.Object({ warnings: Type.Array(Warning) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const conversation = await ctx.history.open(agent, request.params.id);
      const packet = conversation.handoff?.packet as
        { fields?: Record<string, FieldValue>; summary?: { goal?: string } } | undefined;
      const goal = packet?.summary?.goal;
      return {
        warnings: checkRepeat(request.body.text, {
          fields: packet?.fields ?? {},
          // "without saying why yet" is not something the agent should stop asking about.
          ...(goal && goal.startsWith('“') ? { goal } : {}),
        }),
      };
    },
  );
}
