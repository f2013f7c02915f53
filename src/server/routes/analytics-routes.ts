/** GET /api/v1/analytics (supervisors) and GET /metrics (Prometheus). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { computeHandoffMetrics, conversationFacts } from '../../core/metrics/index.ts';
import { safeEqual } from '../../channels/safe-equal.ts';
import { tokenFrom } from '../auth/tokens.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Range = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 7 days ago.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now.' })),
});

const DAY_MS = 86_400_000;

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Static<typeof Range> }>(
    '/api/v1/analytics',
    {
      schema: {
        summary: 'Handoff metrics for conversations started in a time range',
        tags: ['analytics'],
        security: bearer,
        querystring: Range,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            metrics: Type.Record(Type.String(), Type.Unknown()),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      if (agent.role === 'agent')
        throw new BatonError('FORBIDDEN', 'Analytics are for supervisors and admins.');
      const to = request.query.to ? new Date(request.query.to) : ctx.clock();
      const from = request.query.from
        ? new Date(request.query.from)
        : new Date(to.getTime() - 7 * DAY_MS);
      if (from >= to) throw new BatonError('VALIDATION_FAILED', '`from` must be before `to`.');
      const logs = await ctx.store.reads.logsBetween(from, to);
      const facts = logs.map(({ conversation, events }) =>
        conversationFacts({
          id: conversation.id,
          channel: conversation.channel,
          language: conversation.language,
          events,
        }),
      );
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        metrics: computeHandoffMetrics(facts) as unknown as Record<string, unknown>,
      };
    },
  );

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const required = ctx.config.metrics.token;
    if (required && !safeEqual(tokenFrom(request.headers, request.query) ?? '', required)) {
      throw new BatonError('UNAUTHENTICATED', 'The metrics token is required.');
    }
    return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
}
