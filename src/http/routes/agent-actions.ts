/** GET /api/v1/inbox and GET …/packet: what an agent reads. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { toConversationView } from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { Conversation, ConversationParams, bearer, errors } from './schemas.ts';

export function registerAgentActions(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/inbox',
    {
      schema: {
        summary: 'Waiting conversations of my queues and mine, by priority then wait',
        tags: ['agent'],
        security: bearer,
        response: { 200: Type.Object({ conversations: Type.Array(Conversation) }), ...errors(401) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const conversations = await ctx.history.inbox(agent);
      return { conversations: conversations.map(toConversationView) };
    },
  );

  app.get<{ Params: Static<typeof ConversationParams> }>(
    '/api/v1/conversations/:id/packet',
    {
      schema: {
        summary: 'The handoff packet: summary, reasons, profile, fields, recommended actions',
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        response: {
          200: Type.Object({ packet: Type.Record(Type.String(), Type.Unknown()) }),
          ...errors(401, 404),
        },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const conversation = await ctx.history.open(agent, request.params.id);
      const packet = conversation.handoff?.packet;
      if (!packet)
        throw new BatonError('INVALID_TRANSITION', 'This conversation has not been handed over.');
      return { packet: packet as Record<string, unknown> };
    },
  );
}
