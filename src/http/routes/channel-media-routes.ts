/**
 * GET /api/v1/conversations/:id/media/:ref: an agent opens a file the customer sent. Only a
 * reference named by a message of this conversation is served: from Baton's own store when
 * the file came inline (email attachments), else fetched from the provider with the
 * channel's credentials and streamed through. Served so that it can never run as a page of
 * Baton's origin: `nosniff`, a sandbox CSP, and a download unless it is an image, audio or
 * video.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ChannelMedia } from '../../channels/index.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { fetchChannelMedia } from '../../app/channels/fetch-channel-media.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Params = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  ref: Type.String({ minLength: 1, maxLength: 2048 }),
});

/** Shown inline; everything else is a download. */
const INLINE = /^(image\/(png|jpeg|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;
const MAX_BYTES = 64 * 1024 * 1024;

export function registerChannelMediaRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: Static<typeof Params> }>(
    '/api/v1/conversations/:id/media/:ref',
    {
      schema: {
        summary: 'A file the customer sent, fetched from the provider (agents)',
        tags: ['agent'],
        security: bearer,
        params: Params,
        response: errors(401, 404, 502),
      },
    },
    async (request, reply) => {
      const agent = await ctx.auth.agent(request);
      const conversation = await ctx.history.open(agent, request.params.id);
      const media = await findMedia(ctx, conversation.id, request.params.ref);
      if (!media) throw new BatonError('MEDIA_NOT_FOUND');
      const stored = await ctx.conversations.mediaFile(conversation.id, media.ref);
      if (stored) {
        safeHeaders(reply, media.mimeType ?? stored.mimeType, media.fileName ?? stored.fileName);
        reply.header('content-length', String(stored.content.byteLength));
        return reply.send(stored.content);
      }
      const fetched = await fetchChannelMedia(ctx.config.channels, conversation.channel, media);
      if (!fetched.ok)
        throw new BatonError(
          fetched.reason === 'not_fetchable' ? 'MEDIA_NOT_FOUND' : 'MEDIA_UNAVAILABLE',
          fetched.message,
        );
      const { response } = fetched;
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (length > MAX_BYTES || !response.body) {
        await response.body?.cancel();
        throw new BatonError('MEDIA_UNAVAILABLE', 'The file is too large to pass through.');
      }
      safeHeaders(
        reply,
        media.mimeType ?? response.headers.get('content-type') ?? '',
        media.fileName ?? null,
      );
      if (Number.isFinite(length)) reply.header('content-length', String(length));
      return reply.send(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>));
    },
  );
}

/** Headers that keep a customer's file from ever running as a page of Baton's origin. */
function safeHeaders(reply: FastifyReply, declared: string, fileName: string | null): void {
  const type = (declared.split(';')[0] ?? '').trim().toLowerCase();
  const name = (fileName ?? 'file').replace(/["\\\r\n]/g, '_');
  reply
    .header('content-type', type || 'application/octet-stream')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, max-age=300')
    .header('content-disposition', INLINE.test(type) ? 'inline' : `attachment; filename="${name}"`);
}

/** The media entry with this ref on one of the conversation's customer messages. */
async function findMedia(
  ctx: RouteContext,
  conversationId: string,
  ref: string,
): Promise<ChannelMedia | undefined> {
  const events = await ctx.conversations.eventsSince(conversationId, 0, 100_000);
  for (const event of events) {
    if (event.type !== 'message.created' || !Array.isArray(event.data.media)) continue;
    const media = (event.data.media as ChannelMedia[]).find((m) => m?.ref === ref);
    if (media) return media;
  }
  return undefined;
}
