/**
 * POST /api/v1/conversations/:id/messages: the customer writes (or presses "Talk to a human"),
 * or the assigned agent replies. Answers with every event the message caused. Messages count
 * against the conversation's message rate, the customer's and the agents' apart, as on the
 * sockets (429 RATE_LIMITED past it).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { toCustomerEvent } from '../../app/conversations/conversation-view.ts';
import type { Taken } from '../../app/limits/counters.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, Event, bearer, errors } from './schemas.ts';

const Body = Type.Object(
  {
    text: Type.Optional(Type.String()),
    action: Type.Optional(
      Type.Union([Type.Literal('request_human'), Type.Literal('choose')], {
        description:
          'Customers: `request_human` (the "Talk to a human" button) or `choose` (answer a message that offered `choices`).',
      }),
    ),
    choice: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'With `action: "choose"`: the id of one of the offered choices.',
      }),
    ),
    clientMessageId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    repeatGuard: Type.Optional(
      Type.Object(
        {
          fields: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
          overridden: Type.Boolean(),
        },
        {
          additionalProperties: false,
          description: 'Agents: the repeat-guard warnings shown for this draft.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

const Result = Type.Object({ events: Type.Array(Event), duplicate: Type.Boolean() });

export function registerPostMessage(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof Body> }>(
    '/api/v1/conversations/:id/messages',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Send a message (customer, or the assigned agent)',
        tags: ['customer', 'agent'],
        security: bearer,
        params: ConversationParams,
        body: Body,
        response: { 200: Result, 201: Result, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const caller = await ctx.auth.conversationCaller(request, request.params.id);
      const body = request.body;
      if (caller.kind === 'customer') {
        if (body.repeatGuard)
          throw new BatonError('VALIDATION_FAILED', '`repeatGuard` is for agents.');
        const { repeatGuard: _unused, ...message } = body;
        // The same per-conversation count as the socket's: nothing is stored past it.
        refuseOver(await ctx.limits.messages.customer(request.params.id));
        const result = await ctx.service.postCustomerMessage(request.params.id, message);
        return reply
          .status(result.duplicate ? 200 : 201)
          .send({ events: result.events.map(toCustomerEvent), duplicate: result.duplicate });
      }
      if (body.text === undefined || body.action !== undefined || body.choice !== undefined) {
        throw new BatonError('VALIDATION_FAILED', 'An agent message needs `text` and no `action`.');
      }
      refuseOver(await ctx.limits.messages.agent(request.params.id));
      await ctx.whatsapp.assertWindowOpen(request.params.id);
      const result = await ctx.service.postAgentMessage(request.params.id, caller.agent, {
        text: body.text,
        ...(body.clientMessageId ? { clientMessageId: body.clientMessageId } : {}),
        ...(body.repeatGuard ? { repeatGuard: body.repeatGuard } : {}),
      });
      await ctx.audit.reply(caller.agent, request.params.id, request.ip, result);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
}

/** Past the conversation's message rate: nothing is stored, and the client is told when. */
export function refuseOver(taken: Taken): void {
  if (taken.ok) return;
  const seconds = Math.ceil(taken.retryAfterMs / 1000);
  throw new BatonError(
    'RATE_LIMITED',
    `Too many messages in this conversation; send it again in ${seconds} s.`,
    { retryAfterMs: taken.retryAfterMs },
  );
}
