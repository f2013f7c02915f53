/**
 * The team API (docs/team.md): supervisors and admins list the team, edit skills, languages
 * and capacity, and read or export the audit log; admins also create accounts, change roles, disable,
 * enable and reset passwords. Agents get 403 on all of it. Generated passwords are in the
 * answer once and nowhere else (not stored, not logged).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { RouteContext } from '../route-context.ts';
import type { PresentAgent } from '../../app/team/team-directory.ts';
import {
  AgentParams,
  AuditEntry,
  AuditExportQuery,
  AuditQuery,
  CreateAgentBody,
  TeamAgent,
  UpdateAgentBody,
} from '../../app/team/team-schemas.ts';
import { bearer, errors } from './schemas.ts';

type Params = { Params: Static<typeof AgentParams> };

async function caller(
  ctx: RouteContext,
  request: FastifyRequest,
  needs: 'supervisor' | 'admin',
): Promise<AgentRecord> {
  const agent = await ctx.auth.agent(request);
  if (agent.role === 'agent' || (needs === 'admin' && agent.role !== 'admin'))
    throw new BatonError(
      'FORBIDDEN',
      needs === 'admin'
        ? 'Only admins may do that.'
        : 'Team management is for supervisors and admins.',
    );
  return agent;
}

export function registerTeamRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const accounts = ctx.teamAccounts;
  const view = async (agent: AgentRecord) => {
    const load = await ctx.team.loadByAgent();
    return teamAgentView(ctx.team.present(agent), load.get(agent.id) ?? 0);
  };
  const one = { 200: Type.Object({ agent: TeamAgent }) };
  const route = (summary: string, extra: Record<string, unknown>) => ({
    schema: { summary, tags: ['team'], security: bearer, ...extra },
  });

  app.get(
    '/api/v1/team/agents',
    route('The team with disabled accounts, capacity, presence and load', {
      response: { 200: Type.Object({ agents: Type.Array(TeamAgent) }), ...errors(401, 403) },
    }),
    async (request) => {
      await caller(ctx, request, 'supervisor');
      const load = await ctx.team.loadByAgent();
      const agents = await ctx.team.list({ includeDisabled: true });
      return {
        agents: agents.map((a) => teamAgentView(ctx.team.present(a), load.get(a.id) ?? 0)),
      };
    },
  );

  app.post<{ Body: Static<typeof CreateAgentBody> }>(
    '/api/v1/team/agents',
    route('Create an account (admins); the generated password is in this answer only', {
      body: CreateAgentBody,
      response: {
        201: Type.Object({ agent: TeamAgent, password: Type.String() }),
        ...errors(400, 401, 403, 409),
      },
    }),
    async (request, reply) => {
      const actor = await caller(ctx, request, 'admin');
      const { agent, password } = await accounts.create(actor, request.body);
      return reply.status(201).send({ agent: await view(agent), password });
    },
  );

  app.patch<Params & { Body: Static<typeof UpdateAgentBody> }>(
    '/api/v1/team/agents/:id',
    route('Edit name, skills, languages, capacity (supervisors, admins) or role (admins)', {
      params: AgentParams,
      body: UpdateAgentBody,
      response: {
        200: Type.Object({ agent: TeamAgent, note: Type.Union([Type.String(), Type.Null()]) }),
        ...errors(400, 401, 403, 404, 409),
      },
    }),
    async (request) => {
      const actor = await caller(ctx, request, 'supervisor');
      if (request.body.role !== undefined && actor.role !== 'admin')
        throw new BatonError('FORBIDDEN', 'Only admins may change a role.');
      const { agent, note } = await accounts.update(actor, request.params.id, request.body);
      return { agent: await view(agent), note };
    },
  );

  app.post<Params>(
    '/api/v1/team/agents/:id/disable',
    route('Disable an account (admins): sessions end, conversations go back to their queues', {
      params: AgentParams,
      response: {
        200: Type.Object({ agent: TeamAgent, released: Type.Integer() }),
        ...errors(401, 403, 404, 409),
      },
    }),
    async (request) => {
      const actor = await caller(ctx, request, 'admin');
      const { agent, released } = await accounts.disable(actor, request.params.id);
      return { agent: await view(agent), released };
    },
  );

  app.post<Params>(
    '/api/v1/team/agents/:id/enable',
    route('Enable a disabled account (admins)', {
      params: AgentParams,
      response: { ...one, ...errors(401, 403, 404) },
    }),
    async (request) => {
      const actor = await caller(ctx, request, 'admin');
      const { agent } = await accounts.enable(actor, request.params.id);
      return { agent: await view(agent) };
    },
  );

  app.post<Params>(
    '/api/v1/team/agents/:id/reset-password',
    route('A new generated password (admins), in this answer only; sessions end', {
      params: AgentParams,
      response: { 200: Type.Object({ password: Type.String() }), ...errors(401, 403, 404) },
    }),
    async (request) => {
      const actor = await caller(ctx, request, 'admin');
      return accounts.resetPassword(actor, request.params.id);
    },
  );

  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/api/v1/team/audit',
    route('Changes to accounts, newest first (pass `next` as `before` for the next page)', {
      querystring: AuditQuery,
      response: {
        200: Type.Object({
          entries: Type.Array(AuditEntry),
          next: Type.Union([Type.String(), Type.Null()]),
        }),
        ...errors(400, 401, 403),
      },
    }),
    async (request) => {
      await caller(ctx, request, 'supervisor');
      const { limit = 50, ...filter } = request.query;
      return ctx.team.audit.page({ limit, ...filter });
    },
  );

  app.get<{ Querystring: Static<typeof AuditExportQuery> }>(
    '/api/v1/team/audit.csv',
    route('CSV: the audit log, newest first (same filters, up to `limit` rows)', {
      querystring: AuditExportQuery,
      response: { 200: Type.String(), ...errors(400, 401, 403) },
    }),
    async (request, reply) => {
      await caller(ctx, request, 'supervisor');
      const { limit = 10_000, ...filter } = request.query;
      const day = ctx.clock().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="baton-audit-${day}.csv"`)
        .send(await ctx.team.audit.csv(filter, limit));
    },
  );
}

export function teamAgentView(agent: PresentAgent, load: number) {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    skills: agent.skills,
    languages: agent.languages,
    maxConcurrent: agent.maxConcurrent,
    presence: agent.presence,
    load,
    connected: agent.connected,
    disabledAt: agent.disabledAt,
  };
}
