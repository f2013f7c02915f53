/** GET /api/v1/policy (agents) and POST /api/v1/policy/reload (supervisors): the policy in force. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Status = Type.Object({
  version: Type.String(),
  file: Type.Union([Type.String(), Type.Null()]),
  loadedAt: Type.String(),
  lastRejected: Type.Union([
    Type.Object({ at: Type.String(), problems: Type.Array(Type.String()) }),
    Type.Null(),
  ]),
});

export function registerPolicyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/policy',
    {
      schema: {
        summary: 'The escalation policy in force, and the last refused reload',
        tags: ['policy'],
        security: bearer,
        response: { 200: Status, ...errors(401) },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      return ctx.policy.status();
    },
  );

  app.post(
    '/api/v1/policy/reload',
    {
      schema: {
        summary: 'Reload the policy file; an invalid one is refused and the current one stays',
        tags: ['policy'],
        security: bearer,
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            version: Type.String(),
            problems: Type.Array(Type.String()),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      if (agent.role === 'agent')
        throw new BatonError('FORBIDDEN', 'Only supervisors and admins reload the policy.');
      const result = ctx.policy.reload();
      const answer = {
        ok: result.ok,
        version: ctx.policy.status().version,
        problems: result.ok ? [] : result.problems,
      };
      await ctx.audit.reload(agent, 'policy.reloaded', answer, request.ip);
      return answer;
    },
  );
}
