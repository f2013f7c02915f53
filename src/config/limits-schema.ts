/** `limits`: every door's limit (docs/security.md, "Limits"). */
import { Type } from '@sinclair/typebox';

export const LimitsSchema = Type.Object(
  {
    messageMaxChars: Type.Integer({ minimum: 1, default: 4000 }),
    bodyMaxBytes: Type.Integer({ minimum: 1024, default: 65536 }),
    publicRequestsPerMinute: Type.Integer({ minimum: 1, default: 120 }),
    mcpRequestsPerMinute: Type.Integer({
      minimum: 1,
      default: 600,
      description:
        'BATON_MCP_REQUESTS_PER_MINUTE: requests per client address to the MCP endpoint (/mcp), wrong tokens included.',
    }),
    attachmentMaxBytes: Type.Integer({
      minimum: 1,
      default: 10 * 1024 * 1024,
      description:
        'BATON_ATTACHMENT_MAX_BYTES: the largest file a customer may send from the web widget.',
    }),
    attachmentTypes: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), {
      minItems: 1,
      default: [
        'image/png',
        'image/jpeg',
        'image/gif',
        'image/webp',
        'application/pdf',
        'text/plain',
      ],
      description:
        'BATON_ATTACHMENT_TYPES: the file types the widget accepts, as read from the bytes (not as declared).',
    }),
    conversationMessages: Type.Integer({
      minimum: 1,
      default: 10,
      description:
        'BATON_CONVERSATION_MESSAGES: messages one side (customer, agents) of a conversation may send per window, socket and HTTP together.',
    }),
    conversationMessagesSeconds: Type.Integer({
      minimum: 1,
      default: 10,
      description:
        'BATON_CONVERSATION_MESSAGES_SECONDS: the window of `conversationMessages`, in seconds.',
    }),
    socketFrames: Type.Integer({
      minimum: 1,
      default: 30,
      description:
        'BATON_SOCKET_FRAMES: frames (of any kind) one socket may send per `socketFramesSeconds`.',
    }),
    socketFramesSeconds: Type.Integer({ minimum: 1, default: 10 }),
    refusedFramesBeforeClose: Type.Integer({
      minimum: 1,
      default: 20,
      description:
        'A socket whose frames were refused this many times within a minute is closed (1008).',
    }),
    socketsPerConversation: Type.Integer({
      minimum: 1,
      default: 5,
      description: 'BATON_SOCKETS_PER_CONVERSATION: open customer sockets per conversation token.',
    }),
    socketsPerIp: Type.Integer({
      minimum: 1,
      default: 50,
      description: 'BATON_SOCKETS_PER_IP: open customer sockets per client address.',
    }),
    socketsPerAgentSession: Type.Integer({
      minimum: 1,
      default: 5,
      description: 'BATON_SOCKETS_PER_AGENT_SESSION: open inbox sockets per agent session token.',
    }),
    socketCountSeconds: Type.Integer({
      minimum: 1,
      default: 30,
      description:
        "BATON_SOCKET_COUNT_SECONDS: with Redis, how long a node's open-socket counts outlive its last heartbeat (a node that dies stops counting after it).",
    }),
    loginFailures: Type.Integer({
      minimum: 1,
      default: 5,
      description:
        'BATON_LOGIN_FAILURES: wrong passwords for one email within `loginFailureMinutes` that lock it.',
    }),
    loginFailureMinutes: Type.Integer({ minimum: 1, default: 15 }),
    loginLockSeconds: Type.Integer({
      minimum: 1,
      default: 60,
      description:
        'BATON_LOGIN_LOCK_SECONDS: the first lock; each further lock within a day doubles it.',
    }),
    loginMaxLockSeconds: Type.Integer({ minimum: 1, default: 3600 }),
  },
  { additionalProperties: false, default: {} },
);
