/** POST /api/v1/conversations: a customer (widget, script, custom channel) starts a conversation. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  toCustomerConversation,
  toCustomerEvent,
} from '../../app/conversations/conversation-view.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { verifyCustomerIdentity } from '../../core/customer/identity-verification.ts';
import { checkPreChatAnswers } from '../../core/customer/pre-chat-form.ts';
import type { RouteContext } from '../route-context.ts';
import { CustomerConversation, Event, errors } from './schemas.ts';

const Body = Type.Object(
  {
    channel: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('api')])),
    language: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
    customer: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Type.String({ maxLength: 200 })),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          email: Type.Optional(Type.String({ maxLength: 320 })),
        },
        { additionalProperties: true },
      ),
    ),
    // The host site's signature of the visitor (docs/security.md#verified-customer-identity).
    userHash: Type.Optional(Type.String({ maxLength: 200 })),
    identityToken: Type.Optional(Type.String({ maxLength: 8000 })),
    // The widget's pre-chat form answers, by field key (config widget.preChatForm).
    preChat: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 1000 }), {
        maxProperties: 20,
      }),
    ),
  },
  { additionalProperties: false },
);

export function registerCreateConversation(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: Static<typeof Body> }>(
    '/api/v1/conversations',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Start a conversation (the customer side)',
        tags: ['customer'],
        body: Body,
        response: {
          201: Type.Object({
            conversation: CustomerConversation,
            token: Type.String(),
            events: Type.Array(Event),
          }),
          ...errors(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const identity = await verifyCustomerIdentity(
        body.customer ?? {},
        { userHash: body.userHash, identityToken: body.identityToken },
        { secret: ctx.config.identity.secret ?? null, require: ctx.config.identity.require },
        ctx.clock(),
      );
      // A bad signature is refused, never downgraded: the host site has a bug to fix.
      if (!identity.ok) throw new BatonError(identity.code, identity.reason);
      const channel = body.channel ?? 'web';
      // The form is the widget's (channel web); an API script was never shown it.
      const form = channel === 'web' ? ctx.config.widget.preChatForm : undefined;
      const answers = form
        ? checkPreChatAnswers(form.fields, body.preChat ?? {}, identity.customer)
        : { ok: true as const, claims: {}, fields: {} };
      if (!answers.ok)
        throw new BatonError(
          'PRE_CHAT_INVALID',
          answers.problems.map((p) => `${p.key}: ${p.problem}`).join(', '),
          { fields: answers.problems },
        );
      const started = await ctx.service.start({
        channel,
        // Still the browser's word: the record keeps `verified` as the signature decided.
        customer: { ...identity.customer, ...answers.claims, verified: identity.customer.verified },
        language: body.language ?? null,
        preChatFields: answers.fields,
      });
      return reply.status(201).send({
        conversation: toCustomerConversation(started.conversation),
        token: started.token,
        events: started.events.map(toCustomerEvent),
      });
    },
  );
}
