/**
 * PUT /api/v1/me/avatar (an agent's profile picture, `multipart/form-data` with one `file`
 * part), DELETE /api/v1/me/avatar, and GET /api/v1/agents/:id/avatar, which serves it to the
 * widget without a token (a customer sees the picture of the agent who joined). The type is
 * read from the bytes (app/team/agent-avatars.ts): too large 413 FILE_TOO_LARGE, not a PNG,
 * JPEG, WebP or GIF 415 FILE_TYPE_NOT_ALLOWED, and nothing is stored.
 */
import fastifyMultipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooLarge } from '../../app/conversations/customer-attachments.ts';
import { AVATAR_MAX_BYTES } from '../../app/team/agent-avatars.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const AgentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export async function registerAgentAvatarRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
): Promise<void> {
  // Its own scope: multipart bodies are parsed on this route only.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    scope.put(
      '/api/v1/me/avatar',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          summary: 'Set my profile picture (PNG, JPEG, WebP or GIF, up to 512 kB)',
          description: '`multipart/form-data` with one `file` part.',
          tags: ['agent'],
          security: bearer,
          consumes: ['multipart/form-data'],
          response: {
            200: Type.Object({ avatarUrl: Type.String() }),
            ...errors(400, 401, 413, 415, 429),
          },
        },
      },
      async (request) => {
        const { agent } = await ctx.auth.session(request);
        const content = await readPicture(request);
        return { avatarUrl: await ctx.avatars.set(agent.id, content) };
      },
    );
  });

  app.delete(
    '/api/v1/me/avatar',
    {
      schema: {
        summary: 'Remove my profile picture (the widget shows my initial again)',
        tags: ['agent'],
        security: bearer,
        response: { 204: Type.Null(), ...errors(401) },
      },
    },
    async (request, reply) => {
      const { agent } = await ctx.auth.session(request);
      await ctx.avatars.remove(agent.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: Static<typeof AgentParams> }>(
    '/api/v1/agents/:id/avatar',
    {
      config: {
        rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: "An agent's profile picture, as the widget shows it",
        tags: ['customer'],
        params: AgentParams,
        response: { ...errors(404, 429) },
      },
    },
    async (request, reply) => {
      const avatar = await ctx.avatars.get(request.params.id);
      if (!avatar) throw new BatonError('AGENT_NOT_FOUND', 'That agent has no profile picture.');
      return (
        reply
          .header('content-type', avatar.mimeType)
          .header('content-length', String(avatar.content.byteLength))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          // Pages on other sites (the widget's hosts) show it.
          .header('cross-origin-resource-policy', 'cross-origin')
          // The address names the version: a new picture is a new address.
          .header('cache-control', 'public, max-age=86400')
          .send(avatar.content)
      );
    },
  );
}

/** The one `file` part, whole; too large and malformed bodies in the registry's errors. */
async function readPicture(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw new BatonError('VALIDATION_FAILED', 'Send the picture as the `file` part.');
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof BatonError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(AVATAR_MAX_BYTES);
    if (typeof code === 'string' && code.startsWith('FST_'))
      throw new BatonError('VALIDATION_FAILED', (error as Error).message);
    throw error;
  }
}
