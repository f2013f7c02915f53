/** GET /api/v1/webhooks/deliveries: the outgoing-webhook delivery log (supervisors). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Delivery = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  url: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export function registerWebhookLogRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/webhooks/deliveries',
    {
      schema: {
        summary: 'The latest outgoing webhook deliveries, newest first',
        tags: ['analytics'],
        security: bearer,
        response: { 200: Type.Object({ deliveries: Type.Array(Delivery) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      if (agent.role === 'agent')
        throw new BatonError('FORBIDDEN', 'The delivery log is for supervisors and admins.');
      return { deliveries: await ctx.webhookDeliveries.recent() };
    },
  );
}
