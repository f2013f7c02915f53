/**
 * GET and PUT /api/v1/me/voice-line: where handed-over calls ring for the signed-in agent
 * (agent-voice-lines.ts): their own phone number (E.164), this browser, or the team's
 * configured rule. Always the caller's own line; the change is audit-logged.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const VoiceLine = Type.Object({
  line: Type.Union([Type.Literal('phone'), Type.Literal('browser'), Type.Literal('none')]),
  phone: Type.Union([Type.String(), Type.Null()]),
  chosen: Type.Union([Type.Literal('profile'), Type.Literal('default')]),
  browserAvailable: Type.Boolean(),
});

const VoiceLineChoice = Type.Union([
  Type.Object(
    { line: Type.Literal('phone'), phone: Type.String({ minLength: 1, maxLength: 40 }) },
    { additionalProperties: false },
  ),
  Type.Object({ line: Type.Literal('browser') }, { additionalProperties: false }),
  Type.Object({ line: Type.Literal('default') }, { additionalProperties: false }),
]);

export function registerVoiceLineRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/api/v1/me/voice-line',
    {
      schema: {
        summary: 'Where handed-over calls ring for me: my phone, this browser, or none',
        tags: ['agent'],
        security: bearer,
        response: { 200: VoiceLine, ...errors(401, 409) },
      },
    },
    async (request) => ctx.voiceLines.view(await ctx.auth.agent(request)),
  );

  app.put<{ Body: Static<typeof VoiceLineChoice> }>(
    '/api/v1/me/voice-line',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary:
          'Choose where handed-over calls ring for me (a phone number in E.164, or the browser)',
        tags: ['agent'],
        security: bearer,
        body: VoiceLineChoice,
        response: { 200: VoiceLine, ...errors(400, 401, 404, 409, 429) },
      },
    },
    async (request) =>
      ctx.voiceLines.choose(await ctx.auth.agent(request), request.body, request.ip),
  );
}
