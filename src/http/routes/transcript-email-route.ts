/**
 * POST /api/v1/conversations/:id/transcript: the customer asks for a plain-text copy of the
 * conversation by email (app/channels/email/transcript-email.ts). 202: queued in the outbox.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, bearer, errors } from './schemas.ts';

const Body = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }) },
  { additionalProperties: false },
);

export function registerTranscriptEmail(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof Body> }>(
    '/api/v1/conversations/:id/transcript',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Email the customer a copy of the conversation (customer)',
        tags: ['customer'],
        security: bearer,
        params: ConversationParams,
        body: Body,
        response: {
          202: Type.Object({ queued: Type.Boolean() }),
          ...errors(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const caller = await ctx.auth.conversationCaller(request, request.params.id);
      if (caller.kind !== 'customer')
        throw new BatonError('FORBIDDEN', 'Only the customer asks for their copy.');
      const conversation = await ctx.service.get(request.params.id);
      await ctx.transcripts.request(conversation, request.body.email);
      return reply.status(202).send({ queued: true });
    },
  );
}
