/** GET /api/v1/conversations/:id: the customer of it sees a reduced view, agents the full one. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  toConversationView,
  toCustomerConversation,
} from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import {
  Conversation,
  ConversationParams,
  CustomerConversation,
  bearer,
  errors,
} from './schemas.ts';

export function registerGetConversation(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: Static<typeof ConversationParams> }>(
    '/api/v1/conversations/:id',
    {
      schema: {
        summary: 'Read a conversation',
        tags: ['customer', 'agent'],
        security: bearer,
        params: ConversationParams,
        response: {
          // Agents get the full view; the customer the reduced one.
          200: Type.Object({ conversation: Type.Union([Conversation, CustomerConversation]) }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => {
      const caller = await ctx.auth.conversationCaller(request, request.params.id);
      const c = caller.conversation;
      return {
        conversation: caller.kind === 'agent' ? toConversationView(c) : toCustomerConversation(c),
      };
    },
  );
}
