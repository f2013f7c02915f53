/**
 * GET /api/v1/widget/settings?language=: what this server's widget offers besides the chat —
 * the pre-chat form's fields (labels of custom fields in the visitor's language) and whether
 * "Email me this conversation" can be kept (only when outbound email is configured). Public
 * and the same for every visitor, so cacheable for a short while.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { preChatFieldsFor } from '../../core/customer/pre-chat-form.ts';
import type { RouteContext } from '../route-context.ts';
import { WidgetSettings } from './widget-settings-schemas.ts';

const Query = Type.Object({
  language: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
});

export function registerWidgetSettings(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Static<typeof Query> }>(
    '/api/v1/widget/settings',
    {
      schema: {
        summary: "The widget's options: the pre-chat form, and whether it may email a transcript",
        tags: ['customer'],
        querystring: Query,
        response: {
          200: WidgetSettings,
        },
      },
    },
    async (request, reply) => {
      const form = ctx.config.widget.preChatForm;
      void reply.header('cache-control', 'public, max-age=300');
      return {
        preChatForm: form
          ? { fields: preChatFieldsFor(form.fields, request.query.language ?? 'en') }
          : null,
        transcriptByEmail: ctx.transcripts.available,
      };
    },
  );
}
