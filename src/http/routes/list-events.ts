/** GET /api/v1/conversations/:id/events?since=N: everything after seq N, from the database. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { toCustomerEvent } from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, Event, bearer, errors } from './schemas.ts';

const Query = Type.Object({
  since: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  token: Type.Optional(Type.String()),
});

export function registerListEvents(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: Static<typeof ConversationParams>; Querystring: Static<typeof Query> }>(
    '/api/v1/conversations/:id/events',
    {
      schema: {
        summary: 'Events of a conversation after a seq',
        tags: ['customer', 'agent'],
        security: bearer,
        params: ConversationParams,
        querystring: Query,
        response: {
          200: Type.Object({ events: Type.Array(Event), lastSeq: Type.Integer() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const caller = await ctx.auth.conversationCaller(request, request.params.id);
      const events = await ctx.service.eventsSince(request.params.id, request.query.since ?? 0);
      const lastSeq = events.at(-1)?.seq ?? request.query.since ?? 0;
      return { events: caller.kind === 'agent' ? events : events.map(toCustomerEvent), lastSeq };
    },
  );
}
