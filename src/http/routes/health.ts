/**
 * GET /healthz: the process is up and the database answers. In a cluster it also reports
 * Redis: while a node cannot reach it the status is `degraded` (the node still serves, and
 * changes travel through the database), with which dependency is down and since when.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.ts';

const Dependency = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  /** When it went down (or came back): ISO-8601. */
  since: Type.String(),
});

export function registerHealth(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness, database and (in a cluster) Redis check',
        tags: ['ops'],
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            database: Type.String(),
            dependencies: Type.Optional(Type.Array(Dependency)),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const health = await ctx.health.check();
      if (!health.databaseUp) {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: health.database });
      }
      const dependencies = health.dependencies?.map((d) => ({
        name: d.name,
        status: d.up ? ('up' as const) : ('down' as const),
        since: d.since.toISOString(),
      }));
      const degraded = dependencies?.some((d) => d.status === 'down') ?? false;
      return {
        status: degraded ? ('degraded' as const) : ('ok' as const),
        database: health.database,
        ...(dependencies ? { dependencies } : {}),
      };
    },
  );
}
