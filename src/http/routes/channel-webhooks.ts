/**
 * GET and POST /channels/:channel/webhook: provider webhooks. The raw body reaches the
 * adapter untouched (signatures are over the exact bytes); the adapter checks the signature
 * before anything else. Messages are stored before the 200 goes out, and the bot answers
 * after, so providers that time out (Twilio after 15 s) never see a slow reply.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_WEBHOOK_BODY_BYTES, type InboundRequest } from '../../channels/index.ts';
import { errorBody } from '../error-handler.ts';
import type { ChannelInbound } from '../../app/channels/channel-inbound.ts';
import type { WebhookReceiver } from '../../app/background-work.ts';
import type { VoiceCalls } from '../../app/channels/voice/voice-calls.ts';
import { registerVoiceRoutes } from './voice-routes.ts';

function flatten(values: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = Array.isArray(v) ? v.join(', ') : (v as string | undefined);
  return out;
}

function toInbound(request: FastifyRequest): InboundRequest {
  return {
    method: request.method,
    url: request.url,
    headers: flatten(request.headers),
    query: flatten(request.query as Record<string, unknown>),
    rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

export async function registerChannelWebhooks(
  app: FastifyInstance,
  adapters: ReadonlyMap<string, WebhookReceiver>,
  inbound: ChannelInbound,
  voice?: VoiceCalls,
): Promise<void> {
  await app.register(async (scope) => {
    // Keep the exact bytes; allow a little over the adapters' limit so they answer 413 themselves.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BODY_BYTES * 2 },
      (_req, body, done) => done(null, body),
    );
    const handler = async (
      request: FastifyRequest<{ Params: { channel: string } }>,
      reply: FastifyReply,
    ) => {
      const adapter = adapters.get(request.params.channel);
      if (!adapter) {
        return reply
          .status(404)
          .send(errorBody('NOT_FOUND', `The ${request.params.channel} channel is not enabled.`));
      }
      const result = adapter.receive(toInbound(request));
      switch (result.kind) {
        case 'challenge':
          return reply.status(200).type('text/plain').send(result.body);
        case 'rejected':
          request.log.warn({ channel: adapter.channel, code: result.code }, 'webhook refused');
          return reply
            .status(result.status)
            .send({ error: { code: result.code, message: result.message } });
        case 'accepted':
          for (const event of result.events) await inbound.handle(adapter.channel, event);
          return reply.status(200).send({ ok: true, events: result.events.length });
      }
    };
    scope.get('/channels/:channel/webhook', { schema: { hide: true } }, handler);
    scope.post('/channels/:channel/webhook', { schema: { hide: true } }, handler);
    registerVoiceRoutes(scope, voice, toInbound);
  });
}
