/**
 * The supervisor view's API (supervisors and admins; agents get 403): the live overview of
 * queues, agents and SLA alerts, and reassigning a conversation to a queue or a named agent.
 *
 * Live updates are by polling (the dashboard asks every 5 s), not pushed over the agent
 * socket: the overview is an aggregate over every open conversation, so pushing it would mean
 * recomputing it on every event for every supervisor, while a poll costs three small queries
 * on the supervisor's schedule; the longest waits change every second anyway, and the
 * database stays the one source of truth (nothing to resume after a disconnect).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import { toConversationView } from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { Conversation, ConversationParams, Event, bearer, errors } from './schemas.ts';
import { transferTarget } from './transfer-target.ts';

const ReassignBody = Type.Object(
  {
    queue: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' }),
    ),
    agentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, description: 'Why: kept in the audit log.' }),
    ),
  },
  { additionalProperties: false },
);

const Overview = Type.Object({
  at: Type.String(),
  queues: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  agents: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  alerts: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});

async function supervisor(ctx: RouteContext, request: FastifyRequest): Promise<AgentRecord> {
  const agent = await ctx.auth.agent(request);
  if (agent.role === 'agent') {
    throw new BatonError('FORBIDDEN', 'The supervisor view is for supervisors and admins.');
  }
  return agent;
}

export function registerSupervisorRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/supervisor/overview',
    {
      schema: {
        summary: 'Live queues, agents and SLA alerts (poll it; see docs/api.md)',
        tags: ['supervisor'],
        security: bearer,
        response: { 200: Overview, ...errors(401, 403) },
      },
    },
    async (request) => {
      await supervisor(ctx, request);
      return ctx.supervision.overview(ctx.clock());
    },
  );

  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof ReassignBody> }>(
    '/api/v1/supervisor/conversations/:id/reassign',
    {
      schema: {
        summary: 'Move a waiting or assigned conversation to a queue or a named agent',
        tags: ['supervisor'],
        security: bearer,
        params: ConversationParams,
        body: ReassignBody,
        response: {
          200: Type.Object({ conversation: Conversation, events: Type.Array(Event) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const by = await supervisor(ctx, request);
      const target = transferTarget(request.body, ctx.queues);
      const result = await ctx.supervision.reassign(
        request.params.id,
        by,
        target,
        request.body.reason,
      );
      const to = 'agentId' in target ? { toAgentId: target.agentId } : { toQueue: target.queue };
      await ctx.audit.conversation(
        by,
        'conversation.reassigned',
        request.params.id,
        request.ip,
        to,
      );
      return { conversation: toConversationView(result.conversation), events: result.events };
    },
  );
}
