/**
 * Every limit on the doors a client can knock at (docs/security.md, "Limits"), built once from
 * `limits.*` in the config: message rates per conversation, frame rates per socket, open
 * sockets per conversation, address and agent session, and the per-account login lockout.
 * With Redis the message rates and the lockout are shared by the nodes of a cluster.
 */
import type { BatonConfig } from '../../config/config-schema.ts';
import type { SharedRedis } from './counters.ts';
import { FrameLimits } from './frame-limits.ts';
import { LoginLockout } from './login-lockout.ts';
import { MessageLimits } from './message-limits.ts';
import { SocketSlots } from './socket-slots.ts';
import { TranscriptLimits } from './transcript-limits.ts';

export interface Limits {
  readonly messages: MessageLimits;
  readonly frames: FrameLimits;
  /** Keys `conversation:<id>` and `ip:<address>`. */
  readonly customerSockets: SocketSlots;
  /** Keys: the session token's hash. */
  readonly agentSockets: SocketSlots;
  readonly login: LoginLockout;
  /** "Email me this conversation": per conversation and per address. */
  readonly transcripts: TranscriptLimits;
}

export function createLimits(
  config: BatonConfig['limits'],
  shared: { readonly redis?: SharedRedis; readonly prefix: string },
  transcripts: BatonConfig['widget']['transcriptEmail'] = {
    perConversationPerHour: 3,
    perAddressPerHour: 3,
  },
): Limits {
  const redis = shared.redis ? { redis: shared.redis } : {};
  return {
    messages: new MessageLimits({
      messages: config.conversationMessages,
      windowSeconds: config.conversationMessagesSeconds,
      prefix: shared.prefix,
      ...redis,
    }),
    frames: new FrameLimits({
      frames: config.socketFrames,
      windowSeconds: config.socketFramesSeconds,
      refusalsBeforeClose: config.refusedFramesBeforeClose,
    }),
    customerSockets: new SocketSlots((key) =>
      key.startsWith('ip:') ? config.socketsPerIp : config.socketsPerConversation,
    ),
    agentSockets: new SocketSlots(() => config.socketsPerAgentSession),
    login: new LoginLockout({
      failures: config.loginFailures,
      windowMinutes: config.loginFailureMinutes,
      lockSeconds: config.loginLockSeconds,
      maxLockSeconds: config.loginMaxLockSeconds,
      prefix: shared.prefix,
      ...redis,
    }),
    transcripts: new TranscriptLimits({ ...transcripts, prefix: shared.prefix, ...redis }),
  };
}
