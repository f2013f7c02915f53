/**
 * GET /api/v1/queues: the queues in force (`routing.queues`, else the built-in six), with
 * whether each is open now, so the inbox offers transfers to the queues that exist.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { isOpen } from '../../core/sla/is-open.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';
import { Queue } from './queue-schemas.ts';

export function registerQueueRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/queues',
    {
      schema: {
        summary: 'The queues in force and whether each is open now (agents)',
        tags: ['agent'],
        security: bearer,
        response: { 200: Type.Object({ queues: Type.Array(Queue) }), ...errors(401) },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      const now = ctx.clock();
      return {
        queues: ctx.queues.list.map((q) => ({
          id: q.id,
          name: q.name,
          requiredSkills: q.requiredSkills,
          languages: q.languages,
          fallback: q.fallback,
          calendarId: q.calendarId,
          open: isOpen(ctx.calendarFor(q.id), now),
          assignment: q.assignment.type,
          firstResponseSeconds: Math.round(ctx.slaMsFor(q.id) / 1000),
        })),
      };
    },
  );
}
