/**
 * POST /channels/voice/:step: Twilio Voice's webhooks (incoming call, speech gathered, hold
 * loop, left the hold, voicemail, the agent's leg). Mounted in the provider-webhook scope, so
 * the raw form reaches the signature check untouched; the answer is TwiML.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InboundRequest } from '../../channels/index.ts';
import type { VoiceCalls } from '../../app/channels/voice/voice-calls.ts';
import { VOICE_STEPS, type VoiceStep } from '../../app/channels/voice/voice-urls.ts';
import { errorBody } from '../error-handler.ts';

const isStep = (step: string): step is VoiceStep =>
  (VOICE_STEPS as readonly string[]).includes(step);

export function registerVoiceRoutes(
  scope: FastifyInstance,
  voice: VoiceCalls | undefined,
  toInbound: (request: FastifyRequest) => InboundRequest,
): void {
  scope.post(
    '/channels/voice/:step',
    { schema: { hide: true } },
    async (request: FastifyRequest<{ Params: { step: string } }>, reply: FastifyReply) => {
      const { step } = request.params;
      if (!voice) {
        return reply.status(404).send(errorBody('NOT_FOUND', 'The voice channel is not enabled.'));
      }
      if (!isStep(step)) {
        return reply.status(404).send(errorBody('NOT_FOUND', `No voice step is named ${step}.`));
      }
      const answer = await voice.handle(step, toInbound(request));
      switch (answer.kind) {
        case 'twiml':
          return reply.status(200).type('text/xml; charset=utf-8').send(answer.body);
        case 'rejected':
          request.log.warn({ channel: 'voice', step, code: answer.code }, 'webhook refused');
          return reply
            .status(answer.status)
            .send({ error: { code: answer.code, message: answer.message } });
        case 'challenge':
          return reply.status(200).type('text/plain').send(answer.body);
        case 'accepted':
          return reply.status(200).send({ ok: true });
      }
    },
  );
}
