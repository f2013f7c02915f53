/**
 * POST …/claim, …/decline, …/resolve, …/transfer, …/return-to-bot, …/notes: what an agent
 * does. Each is held to the agent's scope first: out of it answers 404 as an unknown id.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentRecord, ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { ConversationAuditAction } from '../../app/audit/audit-trail.ts';
import { toConversationView } from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { Conversation, ConversationParams, Event, bearer, errors } from './schemas.ts';
import { transferTarget } from './transfer-target.ts';

const Changed = Type.Object({ conversation: Conversation, events: Type.Array(Event) });
const QUEUE = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });
const NOTE = Type.String({ minLength: 1, maxLength: 4000 });

const ResolveBody = Type.Object(
  {
    note: Type.Optional(NOTE),
    resolved: Type.Optional(Type.Boolean({ description: 'Was the customer’s problem solved?' })),
    botCouldHaveHandled: Type.Optional(
      Type.Boolean({ description: 'Feeds the bot’s improvement list.' }),
    ),
  },
  { additionalProperties: false },
);
/** Exactly one of `queue` and `agentId` (checked in the handler, with a clear message). */
const TransferBody = Type.Object(
  {
    queue: Type.Optional(QUEUE),
    agentId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A named colleague.' }),
    ),
    note: Type.Optional(NOTE),
  },
  { additionalProperties: false },
);
const NoteBody = Type.Object({ text: NOTE }, { additionalProperties: false });
const Empty = Type.Object({}, { additionalProperties: false });

type Action<B> = (
  ctx: RouteContext,
  id: string,
  agent: AgentRecord,
  body: B,
) => Promise<{
  conversation: ConversationRecord;
  events: StoredEvent[];
}>;

/** What the audit log keeps of a request body besides who, what and where. */
type AuditDetails<B> = (body: B) => Record<string, unknown>;

function action<S extends TSchema>(
  app: FastifyInstance,
  ctx: RouteContext,
  path: string,
  summary: string,
  body: S,
  run: Action<Static<S>>,
  audited: ConversationAuditAction,
  details: AuditDetails<Static<S>> = () => ({}),
): void {
  app.post(
    `/api/v1/conversations/:id/${path}`,
    {
      schema: {
        summary,
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        body,
        response: { 200: Changed, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request: FastifyRequest) => {
      const agent = await ctx.auth.agent(request);
      const { id } = request.params as Static<typeof ConversationParams>;
      const input = request.body as Static<S>;
      // Out of the agent's scope, as an unknown id: nothing changes and nothing is audited.
      await ctx.history.requireInScope(agent, id);
      const result = await run(ctx, id, agent, input);
      await ctx.audit.conversation(agent, audited, id, request.ip, details(input));
      return { conversation: toConversationView(result.conversation), events: result.events };
    },
  );
}

export function registerWorkflowRoutes(app: FastifyInstance, ctx: RouteContext): void {
  action(
    app,
    ctx,
    'claim',
    'Take a waiting conversation',
    Empty,
    (c, id, agent) => c.workflow.claim(id, agent),
    'conversation.claimed',
  );
  action(
    app,
    ctx,
    'decline',
    'Decline an offer: it goes to the next agent',
    Empty,
    (c, id, agent) => c.workflow.declineOffer(id, agent),
    'conversation.declined',
  );
  action(
    app,
    ctx,
    'resolve',
    'Resolve, with the outcome',
    ResolveBody,
    (c, id, agent, body) => c.workflow.resolve(id, agent, body),
    'conversation.resolved',
    (body) => (body.resolved === undefined ? {} : { resolved: body.resolved }),
  );
  action(
    app,
    ctx,
    'transfer',
    'Move to another queue or to a named agent, with a note',
    TransferBody,
    (c, id, agent, body) => {
      const target = transferTarget(body, ctx.queues);
      return 'agentId' in target
        ? c.workflow.transferToAgent(id, agent, target.agentId, body.note)
        : c.workflow.transfer(id, agent, target.queue, body.note);
    },
    'conversation.transferred',
    (body) => (body.agentId !== undefined ? { toAgentId: body.agentId } : { toQueue: body.queue }),
  );
  action(
    app,
    ctx,
    'return-to-bot',
    'Hand the conversation back to the bot',
    Empty,
    (c, id, agent) => c.workflow.returnToBot(id, agent),
    'conversation.returned_to_bot',
  );
  action(
    app,
    ctx,
    'notes',
    'Add an internal note (never shown to the customer)',
    NoteBody,
    async (c, id, agent, body) => {
      const events = await c.workflow.addNote(id, agent, body.text);
      return { conversation: await c.service.get(id), events };
    },
    'conversation.noted',
  );
}
