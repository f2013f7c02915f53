/**
 * GET /api/v1/channels/whatsapp/templates: the approved templates agents may send (from
 * config). POST /api/v1/conversations/:id/template: the assigned agent sends one, e.g. after
 * the 24-hour window closed and free text is refused with `WHATSAPP_WINDOW_CLOSED`. Out of
 * the agent's scope it is 404 CONVERSATION_NOT_FOUND, as an unknown id.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, Event, bearer, errors } from './schemas.ts';
import { Template } from './whatsapp-template-schemas.ts';

const Body = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 512 }),
    language: Type.String({ minLength: 2, maxLength: 15 }),
    parameters: Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), {
      maxItems: 20,
      default: [],
    }),
  },
  { additionalProperties: false },
);

export function registerWhatsAppTemplateRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const templates = ctx.config.channels.whatsapp?.templates ?? [];

  app.get(
    '/api/v1/channels/whatsapp/templates',
    {
      schema: {
        summary: 'Approved WhatsApp templates agents may send',
        tags: ['agent'],
        security: bearer,
        response: {
          200: Type.Object({ enabled: Type.Boolean(), templates: Type.Array(Template) }),
          ...errors(401),
        },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      return { enabled: Boolean(ctx.config.channels.whatsapp), templates };
    },
  );

  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof Body> }>(
    '/api/v1/conversations/:id/template',
    {
      schema: {
        summary: 'Send an approved WhatsApp template (the assigned agent)',
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        body: Body,
        response: {
          201: Type.Object({ events: Type.Array(Event) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const agent = await ctx.auth.agent(request);
      await ctx.history.requireInScope(agent, request.params.id);
      const events = await ctx.whatsapp.sendTemplate(request.params.id, agent, request.body);
      return reply.status(201).send({ events });
    },
  );
}
