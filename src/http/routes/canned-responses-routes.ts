/**
 * GET /api/v1/canned-responses: the saved replies of the inbox composer, from config
 * (`inbox.cannedResponses`). Variables such as `{{customer.name}}` stay as written: the inbox
 * fills them from the conversation it is replying in, where the values are.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';
import { CannedResponse } from './canned-responses-schemas.ts';

export function registerCannedResponseRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/canned-responses',
    {
      schema: {
        summary: 'Saved replies for the composer (agents only)',
        tags: ['agent'],
        security: bearer,
        response: {
          200: Type.Object({ cannedResponses: Type.Array(CannedResponse) }),
          ...errors(401),
        },
      },
    },
    async (request) => {
      await ctx.auth.agent(request);
      return { cannedResponses: ctx.config.inbox.cannedResponses };
    },
  );
}
