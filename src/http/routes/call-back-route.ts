/**
 * POST /api/v1/conversations/:id/call-back: the assigned agent (or a supervisor) has Baton call
 * the customer back through Twilio and ring their own voice line (voice-call-back.ts). 202:
 * queued in the outbox; the call's progress arrives as `channel.voice_call` events.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, Event, bearer, errors } from './schemas.ts';

export function registerCallBackRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Static<typeof ConversationParams> }>(
    '/api/v1/conversations/:id/call-back',
    {
      // A call costs money and rings a customer's phone: a few a minute is plenty.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Call the customer back on the phone (the assigned agent or a supervisor)',
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        response: {
          202: Type.Object({ events: Type.Array(Event) }),
          ...errors(401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const agent = await ctx.auth.agent(request);
      const conversation = await ctx.history.open(agent, request.params.id);
      const events = await ctx.callBacks.request(conversation, agent);
      await ctx.audit.conversation(agent, 'conversation.called_back', conversation.id, request.ip);
      return reply.status(202).send({ events });
    },
  );
}
