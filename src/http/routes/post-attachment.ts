/**
 * POST /api/v1/conversations/:id/attachments: the customer sends a file from the widget, as
 * `multipart/form-data` with one `file` part (and an optional `clientMessageId` field before
 * it). Authorised by the conversation's token like POST …/messages, and counted against the
 * same message rate; the file's type is read from its bytes (app/conversations/
 * customer-attachments.ts). Too large: 413 FILE_TOO_LARGE; a type not allowed: 415
 * FILE_TYPE_NOT_ALLOWED; in both cases nothing is stored.
 */
import fastifyMultipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooLarge } from '../../app/conversations/customer-attachments.ts';
import { toCustomerEvent } from '../../app/conversations/conversation-view.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { RouteContext } from '../route-context.ts';
import { refuseOver } from './post-message.ts';
import { ConversationParams, Event, bearer, errors } from './schemas.ts';

const Result = Type.Object({ events: Type.Array(Event), duplicate: Type.Boolean() });
const CLIENT_MESSAGE_ID = /^[\w.:-]{1,100}$/;

export async function registerPostAttachment(
  app: FastifyInstance,
  ctx: RouteContext,
): Promise<void> {
  const maxBytes = ctx.attachments.limits.maxBytes;
  // Its own scope: multipart bodies are parsed on this route only.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: maxBytes, files: 1, fields: 1, fieldSize: 200, parts: 2 },
    });
    scope.post<{ Params: Static<typeof ConversationParams> }>(
      '/api/v1/conversations/:id/attachments',
      {
        config: {
          rateLimit: { max: ctx.config.limits.publicRequestsPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          summary: 'Send a file (the customer, from the widget)',
          description:
            '`multipart/form-data` with a `file` part and optionally a `clientMessageId` field before it.',
          tags: ['customer'],
          security: bearer,
          consumes: ['multipart/form-data'],
          params: ConversationParams,
          response: {
            200: Result,
            201: Result,
            ...errors(400, 401, 403, 404, 409, 413, 415, 429),
          },
        },
      },
      async (request, reply) => {
        const caller = await ctx.auth.conversationCaller(request, request.params.id);
        if (caller.kind !== 'customer')
          throw new BatonError('FORBIDDEN', 'Only the customer sends files here.');
        // Counted before the body is read: a customer over the rate uploads nothing.
        refuseOver(await ctx.limits.messages.customer(request.params.id));
        const file = await readFile(request, maxBytes);
        const result = await ctx.attachments.send(request.params.id, file);
        return reply
          .status(result.duplicate ? 200 : 201)
          .send({ events: result.events.map(toCustomerEvent), duplicate: result.duplicate });
      },
    );
  });
}

/** The one `file` part, whole, in the registry's errors when it is missing or too large. */
async function readFile(request: FastifyRequest, maxBytes: number) {
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw new BatonError('VALIDATION_FAILED', 'Send the file as the `file` part.');
    const content = await part.toBuffer();
    const field = part.fields.clientMessageId;
    const value = field && 'value' in field ? field.value : undefined;
    if (value !== undefined && (typeof value !== 'string' || !CLIENT_MESSAGE_ID.test(value)))
      throw new BatonError('VALIDATION_FAILED', '`clientMessageId` is 1–100 letters or digits.');
    return { content, fileName: part.filename, clientMessageId: value };
  } catch (error) {
    if (error instanceof BatonError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (typeof code === 'string' && code.startsWith('FST_'))
      throw new BatonError('VALIDATION_FAILED', (error as Error).message);
    throw error;
  }
}
