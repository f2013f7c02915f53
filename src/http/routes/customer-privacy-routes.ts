/**
 * A person's data for admins (docs/security.md): `POST /api/v1/customers/erase` lists what
 * would go unless `confirm` is true, as `baton erase` does without `--yes`; `GET
 * /api/v1/customers/export` answers everything held about them as JSON, the files' bytes in
 * base64. Both find the person on every channel and both are written to the audit log.
 * Erasure from the server does not VACUUM a SQLite file (it would lock out writers); the
 * deleted cells are zeroed and the WAL truncated all the same. On PostgreSQL the tables wait
 * for the compaction window, and the answer says when (`bytesRemoved`, `compactionAt`);
 * `POST /api/v1/privacy/compact` runs the window now, `GET /api/v1/privacy/compaction` lists
 * what waits.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { ErasureOutcome } from '../../app/privacy/erasure-plan.ts';
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

const Pending = Type.Object({
  table: Type.String(),
  erasedAt: Type.String(),
  dueAt: Type.String(),
  attempts: Type.Integer(),
  lastOutcome: Type.Union([Type.String(), Type.Null()]),
});

/** What the erasure's answer says of the bytes, as the engine did it. */
function bytesRemoved(outcome: ErasureOutcome): string {
  if (outcome.compactionAt)
    return `bytes removed from the files at the next compaction window, ${outcome.compactionAt.toISOString()}`;
  if (outcome.walTruncated === false)
    return 'bytes removed from the database file now, and from its write-ahead log at its next checkpoint';
  return outcome.erased > 0 ? 'bytes removed from the files now' : 'nothing was erased';
}

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
            bytesRemoved: Type.Optional(
              Type.String({ description: 'When the erased bytes leave the database files.' }),
            ),
            compactionAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
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
      return {
        dryRun: false,
        ...answer,
        erased: outcome.erased,
        bytesRemoved: bytesRemoved(outcome),
        compactionAt: outcome.compactionAt?.toISOString() ?? null,
      };
    },
  );

  app.get(
    '/api/v1/privacy/compaction',
    {
      schema: {
        summary: "PostgreSQL's tables waiting for the compaction window (admins)",
        tags: ['admin'],
        security: bearer,
        response: { 200: Type.Object({ pending: Type.Array(Pending) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      await admin(ctx, request);
      return { pending: await ctx.privacy.pendingCompaction() };
    },
  );

  app.post(
    '/api/v1/privacy/compact',
    {
      schema: {
        summary: 'Run the compaction window now: VACUUM FULL of the pending tables (admins)',
        tags: ['admin'],
        security: bearer,
        response: {
          200: Type.Object({
            compacted: Type.Array(Type.String()),
            lockTimedOut: Type.Array(Type.String()),
            notCompacted: Type.Array(Type.String()),
            checkpointed: Type.Union([Type.Boolean(), Type.Null()]),
            pending: Type.Array(Pending),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const actor = await admin(ctx, request);
      return ctx.privacy.compactNow(actor.id);
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
