/** POST /api/v1/conversations: a customer (widget, script, custom channel) starts a conversation. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  toCustomerConversation,
  toCustomerEvent,
} from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { CustomerConversation, Event, errors } from './schemas.ts';

const Body = Type.Object(
  {
    channel: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('api')])),
    language: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
    customer: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Type.String({ maxLength: 200 })),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          email: Type.Optional(Type.String({ maxLength: 320 })),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: false },
);

export function registerCreateConversation(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: Static<typeof Body> }>(
    '/api/v1/conversations',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Start a conversation (the customer side)',
        tags: ['customer'],
        body: Body,
        response: {
          201: Type.Object({
            conversation: CustomerConversation,
            token: Type.String(),
            events: Type.Array(Event),
          }),
          ...errors(400, 429),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const started = await ctx.service.start({
        channel: body.channel ?? 'web',
        customer: body.customer ?? {},
        language: body.language ?? null,
      });
      return reply.status(201).send({
        conversation: toCustomerConversation(started.conversation),
        token: started.token,
        events: started.events.map(toCustomerEvent),
      });
    },
  );
}
