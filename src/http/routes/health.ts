/**
 * The operators' probes. GET /healthz (liveness): the process answers; it touches no database,
 * so a slow database never gets a live node restarted. In a cluster it also reports Redis:
 * while a node cannot reach it the status is `degraded` (the node still serves, and changes
 * travel through the database), with which dependency is down and since when.
 * GET /readyz (readiness): 200 when the database answers, Redis is reachable (in a cluster),
 * the migrations are applied and the timers are not late; otherwise 503 with the failing
 * checks, so a balancer sends the traffic to the other nodes meanwhile.
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

const Check = Type.Object({
  name: Type.String(),
  ok: Type.Boolean(),
  detail: Type.String(),
});

const Readiness = (status: 'ready' | 'unready') =>
  Type.Object({
    status: Type.Literal(status),
    checks: Type.Array(Check),
    ...(status === 'unready' ? { failing: Type.Array(Type.String()) } : {}),
  });

export function registerHealth(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the process answers (and, in a cluster, whether Redis is reachable)',
        tags: ['ops'],
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            database: Type.String(),
            dependencies: Type.Optional(Type.Array(Dependency)),
          }),
        },
      },
    },
    () => {
      const alive = ctx.health.alive();
      const dependencies = alive.dependencies?.map((d) => ({
        name: d.name,
        status: d.up ? ('up' as const) : ('down' as const),
        since: d.since.toISOString(),
      }));
      const degraded = dependencies?.some((d) => d.status === 'down') ?? false;
      return {
        status: degraded ? ('degraded' as const) : ('ok' as const),
        database: alive.database,
        ...(dependencies ? { dependencies } : {}),
      };
    },
  );

  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: database, Redis (cluster), migrations and timer lag',
        tags: ['ops'],
        response: { 200: Readiness('ready'), 503: Readiness('unready') },
      },
    },
    async (_request, reply) => {
      const { ready, checks } = await ctx.health.ready();
      if (ready) return { status: 'ready' as const, checks };
      return reply.status(503).send({
        status: 'unready' as const,
        failing: checks.filter((c) => !c.ok).map((c) => c.name),
        checks,
      });
    },
  );
}
