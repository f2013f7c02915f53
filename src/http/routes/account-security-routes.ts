/**
 * POST /api/v1/me/password, GET /api/v1/me/sessions, DELETE /api/v1/me/sessions/:id, and for
 * admins GET /api/v1/team/agents/:id/sessions and DELETE …/sessions/:sessionId. A session is
 * named by its id; the token and its hash never appear in an answer.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MIN_PASSWORD_LENGTH } from '../../app/auth/account-rules.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';
import { Sessions } from './account-security-schemas.ts';

const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
    newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

const SessionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const MemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const MemberSessionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  sessionId: Type.String({ minLength: 1, maxLength: 100 }),
});

export function registerAccountSecurityRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const security = ctx.accountSecurity;
  const admin = async (request: Parameters<typeof ctx.auth.session>[0]) => {
    const session = await ctx.auth.session(request);
    if (session.agent.role !== 'admin')
      throw new BatonError('FORBIDDEN', "Only admins may see or end another member's sessions.");
    return session;
  };

  app.post<{ Body: Static<typeof PasswordBody> }>(
    '/api/v1/me/password',
    {
      // As many tries as a log-in gets: a stolen session must not make guessing cheaper.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Change my password (needs the current one); ends my other sessions',
        tags: ['agent'],
        security: bearer,
        body: PasswordBody,
        response: {
          200: Type.Object({ endedSessions: Type.Integer() }),
          ...errors(400, 401, 403, 429),
        },
      },
    },
    async (request) => {
      const { agent, tokenHash } = await ctx.auth.session(request);
      return security.changePassword(agent, tokenHash, request.body, request.ip);
    },
  );

  app.get(
    '/api/v1/me/sessions',
    {
      schema: {
        summary: 'My sessions: opened, last used, from where; `current` is this one',
        tags: ['agent'],
        security: bearer,
        response: { 200: Sessions, ...errors(401) },
      },
    },
    async (request) => {
      const { agent, tokenHash } = await ctx.auth.session(request);
      return { sessions: await security.listSessions(agent.id, tokenHash) };
    },
  );

  app.delete<{ Params: Static<typeof SessionParams> }>(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        summary: 'End one of my sessions; its sockets close at once',
        tags: ['agent'],
        security: bearer,
        params: SessionParams,
        response: errors(401, 404),
      },
    },
    async (request, reply) => {
      const { agent } = await ctx.auth.session(request);
      await security.revokeSession(agent, agent.id, request.params.id, request.ip);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: Static<typeof MemberParams> }>(
    '/api/v1/team/agents/:id/sessions',
    {
      schema: {
        summary: "A member's sessions (admins)",
        tags: ['team'],
        security: bearer,
        params: MemberParams,
        response: { 200: Sessions, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const { tokenHash } = await admin(request);
      const member = await security.account(request.params.id);
      return { sessions: await security.listSessions(member.id, tokenHash) };
    },
  );

  app.delete<{ Params: Static<typeof MemberSessionParams> }>(
    '/api/v1/team/agents/:id/sessions/:sessionId',
    {
      schema: {
        summary: "End one of a member's sessions (admins); its sockets close at once",
        tags: ['team'],
        security: bearer,
        params: MemberSessionParams,
        response: errors(401, 403, 404),
      },
    },
    async (request, reply) => {
      const { agent } = await admin(request);
      const member = await security.account(request.params.id);
      await security.revokeSession(agent, member.id, request.params.sessionId, request.ip);
      return reply.status(204).send();
    },
  );
}
