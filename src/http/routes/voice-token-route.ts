/**
 * POST /api/v1/voice/token: the signed-in agent's Twilio Access Token for taking calls in the
 * browser (voice-browser-client.ts). Always for the caller's own identity: the body takes no
 * fields, so nobody can ask for another agent's.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { issueVoiceToken } from '../../app/channels/voice/voice-browser-client.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const VoiceToken = Type.Object({
  token: Type.String({ description: 'The Access Token (JWT) for the Twilio Voice SDK.' }),
  identity: Type.String({ description: 'What Baton rings as `client:<identity>`.' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export function registerVoiceTokenRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.post(
    '/api/v1/voice/token',
    {
      // The SDK asks for one at start and before each expiry; more is a loop or a stolen session.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'My Twilio Access Token for taking calls in the browser (agents only)',
        tags: ['agent'],
        security: bearer,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: VoiceToken, ...errors(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const result = await issueVoiceToken(ctx.config.channels.voice, agent, ctx.clock());
      if (!result.ok) throw new BatonError(result.code);
      return result.token;
    },
  );
}
