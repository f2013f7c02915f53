/** POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { tokenFrom } from '../../app/auth/tokens.ts';
import type { PresentAgent } from '../../app/team/team-directory.ts';
import { avatarPath } from '../../app/team/agent-avatars.ts';
import type { RouteContext } from '../route-context.ts';
import {
  Agent,
  Login,
  LoginAnswer,
  PresenceAnswer,
  PresenceBody,
  TeamMember,
} from './auth-schemas.ts';
import { bearer, errors } from './schemas.ts';

/** An agent as the API shows them: the presence routing counts on (TeamDirectory.present). */
export const agentView = (a: PresentAgent) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  skills: a.skills,
  languages: a.languages,
  presence: a.presence,
  capacity: a.maxConcurrent,
  totpEnabled: a.totpEnabled,
  ...(avatarPath(a) ? { avatarUrl: avatarPath(a) as string } : {}),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: Static<typeof Login> }>(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Log in as an agent',
        tags: ['agent'],
        body: Login,
        response: {
          200: LoginAnswer,
          ...errors(400, 401, 403, 429),
        },
      },
    },
    async (request) => {
      if (!ctx.config.auth.passwordLogin) throw new BatonError('PASSWORD_LOGIN_DISABLED');
      const { token, agent, enrolmentOnly } = await ctx.sessions.logIn(
        request.body,
        request.ip,
        request.headers['user-agent'] ?? null,
      );
      // Logging in alone makes nobody available: an agent is online only while their inbox
      // socket is open (realtime-hub.ts), so routing never counts on someone who is not there.
      return {
        token,
        agent: agentView(ctx.team.present(agent)),
        ...(enrolmentOnly ? { totpEnrolmentRequired: true as const } : {}),
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        summary: 'End this session',
        tags: ['agent'],
        security: bearer,
        response: errors(401),
      },
    },
    async (request, reply) => {
      const { agent } = await ctx.auth.session(request, { enrolment: true });
      const token = tokenFrom(request.headers) as string;
      await ctx.sessions.logOut(token, agent, request.ip);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        summary: 'The logged-in agent',
        tags: ['agent'],
        security: bearer,
        response: { 200: Type.Object({ agent: Agent }), ...errors(401) },
      },
    },
    async (request) => ({ agent: agentView(ctx.team.present(await ctx.auth.agent(request))) }),
  );

  app.put<{ Body: Static<typeof PresenceBody> }>(
    '/api/v1/me/presence',
    {
      schema: {
        summary:
          'Set presence: online (receives offers), away (keeps conversations, no new ones), offline (hands them back)',
        tags: ['agent'],
        security: bearer,
        body: PresenceBody,
        response: {
          200: PresenceAnswer,
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const updated = await ctx.team.choosePresence(agent, request.body.presence);
      ctx.hub.tellPresence(agent.id, updated.presence); // the agent's other open tabs
      const released =
        request.body.presence === 'offline' ? await ctx.workflow.releaseAll(updated) : 0;
      ctx.router.kick();
      return { agent: agentView(updated), released, inboxOpen: updated.connected };
    },
  );

  app.get(
    '/api/v1/agents',
    {
      schema: {
        summary: 'The team: presence, capacity and current load (for the supervisor view)',
        tags: ['agent'],
        security: bearer,
        response: {
          200: Type.Object({ agents: Type.Array(TeamMember) }),
          ...errors(401),
        },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      const load = await ctx.team.loadByAgent();
      const agents = await ctx.team.list();
      return {
        agents: agents.map((a) => {
          const present = ctx.team.present(a);
          return { ...agentView(present), load: load.get(a.id) ?? 0, connected: present.connected };
        }),
      };
    },
  );
}
