/** Schemas shared by several routes (and by the OpenAPI document). */
import { Type } from '@sinclair/typebox';
import { CONVERSATION_STATES } from '../../core/conversation/conversation-state.ts';
import type { ActorType } from '../../core/records.ts';

/** The error body of every 4xx/5xx answer (the web's `ApiError` is its `error`). */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      // With RATE_LIMITED and LOGIN_LOCKED: seconds until a retry can pass (also `Retry-After`).
      retryAfter: Type.Optional(Type.Integer({ minimum: 1 })),
      // With PRE_CHAT_INVALID: each form field at fault and why.
      fields: Type.Optional(
        Type.Array(Type.Object({ key: Type.String(), problem: Type.String() })),
      ),
    }),
  },
  { $id: 'ErrorResponse' },
);

// A string with a closed set of values: documented as an enum, serialized as a plain string
// (no anyOf for the serializer to try), typed as the union the core declares.
export const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));

const ACTOR_TYPES: readonly ActorType[] = ['customer', 'bot', 'agent', 'system'];

export const Actor = Type.Object({
  type: oneOf(ACTOR_TYPES),
  id: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});

export const Event = Type.Object({
  conversationId: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  at: Type.String(),
  actor: Actor,
  data: Type.Record(Type.String(), Type.Unknown()),
});

/** How the customer introduced themselves or the channel named them; other fields pass through. */
export const CustomerIdentity = Type.Object(
  {
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** The handoff decision's summary (the evidence and the packet's extras pass through). */
export const Handoff = Type.Object(
  {
    at: Type.String(),
    reasons: Type.Array(Type.String()),
    queue: Type.String(),
    priority: Type.Number(),
    policyVersion: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

const ConversationStatus = oneOf(CONVERSATION_STATES);

/** A conversation as agents see it (toConversationView). */
export const Conversation = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: ConversationStatus,
  queue: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Union([Type.Number(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  customer: CustomerIdentity,
  assignee: Type.Union([Type.Object({ id: Type.String() }), Type.Null()]),
  handoff: Type.Union([Handoff, Type.Null()]),
  lastSeq: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  handedOverAt: Type.Union([Type.String(), Type.Null()]),
  preview: Type.Union([Type.String(), Type.Null()]),
  /** Voice only: the caller on hold, and the agent Baton rang for them (docs/channels.md). */
  call: Type.Optional(
    Type.Object({
      onHold: Type.Boolean(),
      rungAgentId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

/** A conversation as its customer sees it (toCustomerConversation): no routing or identity. */
export const CustomerConversation = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: ConversationStatus,
  language: Type.Union([Type.String(), Type.Null()]),
  lastSeq: Type.Integer(),
  createdAt: Type.String(),
});

export const ConversationParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));

export const bearer = [{ bearer: [] }];
