/**
 * A person's data for admins (docs/security.md): `POST /api/v1/customers/erase` lists what
 * would go unless `confirm` is true, as `baton erase` does without `--yes`; `GET
 * /api/v1/customers/export` answers everything held about them as JSON, the files' bytes in
 * base64. Both find the person on every channel and both are written to the audit log.
 * Erasure from the server does not VACUUM a SQLite file (it would lock out writers); the
 * deleted cells are zeroed and the WAL truncated all the same.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Reference = Type.String({ minLength: 1, maxLength: 320, pattern: '\\S' });
const EraseBody = Type.Object(
  {
    customer: Reference,
    includeOpen: Type.Optional(Type.Boolean()),
    confirm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object({ customer: Reference }, { additionalProperties: false });
const Found = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  updatedAt: Type.String(),
});

async function admin(ctx: RouteContext, request: FastifyRequest) {
  const agent = await ctx.auth.agent(request);
  if (agent.role !== 'admin') throw new BatonError('FORBIDDEN', 'Only admins may do that.');
  return agent;
}

export function registerCustomerPrivacyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: Static<typeof EraseBody> }>(
    '/api/v1/customers/erase',
    {
      schema: {
        summary: "Erase a person's conversations on every channel (admins; dry run unless confirm)",
        tags: ['admin'],
        security: bearer,
        body: EraseBody,
        response: {
          200: Type.Object({
            dryRun: Type.Boolean(),
            conversations: Type.Array(Found),
            leftOpen: Type.Integer(),
            erased: Type.Integer(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = await admin(ctx, request);
      const target = { customer: request.body.customer.trim() };
      const plan = await ctx.privacy.planErasure(target, request.body.includeOpen === true);
      const conversations = plan.targets.map(({ id, channel, status, updatedAt }) => ({
        id,
        channel,
        status,
        updatedAt,
      }));
      const answer = { conversations, leftOpen: plan.leftOpen.length };
      if (request.body.confirm !== true) return { dryRun: true, ...answer, erased: 0 };
      const outcome = await ctx.privacy.carryOutErasure(plan, {
        actorId: actor.id,
        target,
        now: ctx.clock(),
      });
      return { dryRun: false, ...answer, erased: outcome.erased };
    },
  );

  app.get<{ Querystring: Static<typeof ExportQuery> }>(
    '/api/v1/customers/export',
    {
      schema: {
        summary: 'Everything held about a person, on every channel, with their files (admins)',
        tags: ['admin'],
        security: bearer,
        querystring: ExportQuery,
        response: errors(400, 401, 403),
      },
    },
    async (request, reply) => {
      const actor = await admin(ctx, request);
      const exported = await ctx.privacy.collect(request.query.customer.trim(), {
        actorId: actor.id,
        now: ctx.clock(),
      });
      const files = exported.files.map((f) => ({
        conversationId: f.conversationId,
        ref: f.ref,
        path: f.path,
        mimeType: f.mimeType,
        fileName: f.fileName,
        contentBase64: f.content.toString('base64'),
      }));
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="customer-export.json"')
        .send({ ...exported.document, files });
    },
  );
}
