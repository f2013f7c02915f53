/**
 * Every limit on the doors a client can knock at (docs/security.md, "Limits"), built once from
 * `limits.*` in the config: message rates per conversation, frame rates per socket, open
 * sockets per conversation, address and agent session, and the per-account login lockout.
 * With Redis the message rates, the lockout and the open sockets are shared by the nodes of a
 * cluster.
 */
import type { BatonConfig } from '../../config/config-schema.ts';
import type { SharedRedis } from './counters.ts';
import { FrameLimits } from './frame-limits.ts';
import { LoginLockout } from './login-lockout.ts';
import { MessageLimits } from './message-limits.ts';
import { SharedSocketSlots } from './shared-socket-slots.ts';
import { SocketSlots, type SocketLimit } from './socket-slots.ts';
import { TranscriptLimits } from './transcript-limits.ts';

export interface Limits {
  readonly messages: MessageLimits;
  readonly frames: FrameLimits;
  /** Keys `conversation:<id>` and `ip:<address>`. */
  readonly customerSockets: SocketLimit;
  /** Keys: the session token's hash. */
  readonly agentSockets: SocketLimit;
  readonly login: LoginLockout;
  /** "Email me this conversation": per conversation and per address. */
  readonly transcripts: TranscriptLimits;
  /** Stops the socket counts' heartbeat and gives back this node's places in Redis. */
  close(): Promise<void>;
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
  const sockets = (kind: string, limitOf: (key: string) => number): SocketLimit =>
    shared.redis
      ? new SharedSocketSlots({
          name: `${shared.prefix}:limit:sockets:${kind}`,
          limitOf,
          redis: shared.redis,
          ttlSeconds: config.socketCountSeconds,
        })
      : new SocketSlots(limitOf);
  const customerSockets = sockets('customer', (key) =>
    key.startsWith('ip:') ? config.socketsPerIp : config.socketsPerConversation,
  );
  const agentSockets = sockets('agent', () => config.socketsPerAgentSession);
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
    customerSockets,
    agentSockets,
    login: new LoginLockout({
      failures: config.loginFailures,
      windowMinutes: config.loginFailureMinutes,
      lockSeconds: config.loginLockSeconds,
      maxLockSeconds: config.loginMaxLockSeconds,
      prefix: shared.prefix,
      ...redis,
    }),
    transcripts: new TranscriptLimits({ ...transcripts, prefix: shared.prefix, ...redis }),
    close: async () => {
      await Promise.all([customerSockets.close(), agentSockets.close()]);
    },
  };
}
