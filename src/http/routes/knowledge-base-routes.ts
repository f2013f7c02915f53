/** GET /api/v1/kb (agents) and POST /api/v1/kb/reload (supervisors): the articles in force. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Status = Type.Object({
  dir: Type.String(),
  articles: Type.Integer(),
  loadedAt: Type.String(),
  generation: Type.Integer(),
  lastRejected: Type.Union([
    Type.Object({ at: Type.String(), problems: Type.Array(Type.String()) }),
    Type.Null(),
  ]),
});

export function registerKnowledgeBaseRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/kb',
    {
      schema: {
        summary: 'The knowledge base in force, and the last refused reload',
        tags: ['agent'],
        security: bearer,
        response: { 200: Status, ...errors(401) },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      return ctx.knowledgeBase.status();
    },
  );

  app.post(
    '/api/v1/kb/reload',
    {
      schema: {
        summary: 'Reload the knowledge base folder now; a broken folder is refused',
        tags: ['agent'],
        security: bearer,
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            articles: Type.Integer(),
            problems: Type.Array(Type.String()),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      if (agent.role === 'agent')
        throw new BatonError('FORBIDDEN', 'Only supervisors and admins reload the knowledge base.');
      const result = await ctx.knowledgeBase.reload();
      const answer = {
        ok: result.ok,
        articles: ctx.knowledgeBase.status().articles,
        problems: result.ok ? [] : result.problems,
      };
      await ctx.audit.reload(agent, 'knowledge_base.reloaded', answer, request.ip);
      return answer;
    },
  );
}
