/** GET /healthz: the process is up and the database answers. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { RouteContext } from '../route-context.ts';

export function registerHealth(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and database check',
        tags: ['ops'],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.store.db);
        return { status: 'ok' as const, database: ctx.store.engine };
      } catch {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: ctx.store.engine });
      }
    },
  );
}
