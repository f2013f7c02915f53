/** POST /api/v1/conversations/:id/csat: the customer rates the conversation (1–5), once. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, bearer, errors } from './schemas.ts';

const Body = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export function registerCsatRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof Body> }>(
    '/api/v1/conversations/:id/csat',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Rate the conversation (customer); the first rating counts',
        tags: ['customer'],
        security: bearer,
        params: ConversationParams,
        body: Body,
        response: {
          200: Type.Object({ accepted: Type.Boolean() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const caller = await ctx.auth.conversationCaller(request, request.params.id);
      if (caller.kind !== 'customer')
        throw new BatonError('FORBIDDEN', 'Only the customer rates a conversation.');
      const result = await ctx.writer.commit({
        conversationId: request.params.id,
        events: [
          {
            type: 'csat.submitted',
            actor: { type: 'customer' },
            data: {
              rating: request.body.rating,
              ...(request.body.comment ? { comment: request.body.comment } : {}),
            },
            // One rating per conversation: a second one is a duplicate of the first.
            clientMessageId: 'csat',
          },
        ],
        now: ctx.clock(),
      });
      if (!result.ok && result.reason === 'not_found')
        throw new BatonError('CONVERSATION_NOT_FOUND');
      return { accepted: result.ok };
    },
  );
}
