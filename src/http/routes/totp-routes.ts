/**
 * Two-factor log-in for one's own account — POST /api/v1/me/totp/setup, POST
 * /api/v1/me/totp/confirm, DELETE /api/v1/me/totp — and an admin's reset, DELETE
 * /api/v1/team/agents/:id/totp. The /me routes stay open to a session that must first set
 * two-factor up (`auth.requireTotp`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';
import { TotpConfirmed, TotpSetup } from './totp-schemas.ts';

const SetupBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
const ConfirmBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40, description: "The app's 6-digit code" }) },
  { additionalProperties: false },
);
const DisableBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: "The app's 6-digit code, or a recovery code",
    }),
  },
  { additionalProperties: false },
);
const MemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

// As many tries as a log-in gets: a stolen session must not make guessing cheaper.
const GUESSES = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export function registerTotpRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const enrolling = (request: Parameters<typeof ctx.auth.session>[0]) =>
    ctx.auth.session(request, { enrolment: true });

  app.post<{ Body: Static<typeof SetupBody> }>(
    '/api/v1/me/totp/setup',
    {
      config: GUESSES,
      schema: {
        summary:
          'Start two-factor log-in (needs my password): a secret for an authenticator app, pending until confirmed',
        tags: ['agent'],
        security: bearer,
        body: SetupBody,
        response: {
          200: TotpSetup,
          ...errors(400, 401, 403, 409, 429),
        },
      },
    },
    async (request) => {
      const { agent } = await enrolling(request);
      return ctx.twoFactor.setup(agent, request.body.password, request.ip);
    },
  );

  app.post<{ Body: Static<typeof ConfirmBody> }>(
    '/api/v1/me/totp/confirm',
    {
      config: GUESSES,
      schema: {
        summary:
          'Turn two-factor log-in on with a first code; answers the recovery codes, once, and signs my other sessions out',
        tags: ['agent'],
        security: bearer,
        body: ConfirmBody,
        response: {
          200: TotpConfirmed,
          ...errors(400, 401, 403, 409, 429),
        },
      },
    },
    async (request) => {
      const { agent, tokenHash } = await enrolling(request);
      return ctx.twoFactor.confirm(agent, tokenHash, request.body.code, request.ip);
    },
  );

  app.delete<{ Body: Static<typeof DisableBody> }>(
    '/api/v1/me/totp',
    {
      config: GUESSES,
      schema: {
        summary:
          'Turn two-factor log-in off (needs my password and a code); ends my other sessions',
        tags: ['agent'],
        security: bearer,
        body: DisableBody,
        response: errors(400, 401, 403, 409, 429),
      },
    },
    async (request, reply) => {
      const { agent, tokenHash } = await enrolling(request);
      await ctx.twoFactor.disable(agent, tokenHash, request.body, request.ip);
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: Static<typeof MemberParams> }>(
    '/api/v1/team/agents/:id/totp',
    {
      schema: {
        summary:
          "Clear a member's two-factor log-in, for a lost phone (admins); ends all their sessions",
        tags: ['team'],
        security: bearer,
        params: MemberParams,
        response: errors(401, 403, 404),
      },
    },
    async (request, reply) => {
      const { agent } = await ctx.auth.session(request);
      if (agent.role !== 'admin')
        throw new BatonError('FORBIDDEN', "Only admins may reset a member's two-factor log-in.");
      await ctx.twoFactor.reset(agent.id, request.params.id, request.ip);
      return reply.status(204).send();
    },
  );
}
