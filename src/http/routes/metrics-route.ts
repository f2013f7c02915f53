/**
 * GET /metrics: Prometheus text. Closed unless `metrics.token` (BATON_METRICS_TOKEN) is set,
 * and then only with `Authorization: Bearer <token>` — never `?token=`, which would land in
 * access logs. The counters name queues, channels and reasons, which is more than an
 * anonymous visitor should learn about a support team, so there is no open mode.
 */
import type { FastifyInstance } from 'fastify';
import { safeEqual } from '../../channels/safe-equal.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';

export function registerMetricsRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const required = ctx.config.metrics.token;
    if (!required) {
      throw new BatonError(
        'FORBIDDEN',
        'Metrics are off: set BATON_METRICS_TOKEN and scrape with that bearer token.',
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1] || !safeEqual(match[1], required)) {
      throw new BatonError('UNAUTHENTICATED', 'The metrics token is required.');
    }
    return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
}
