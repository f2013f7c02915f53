/** Schemas shared by several routes (and by the OpenAPI document). */
import { Type } from '@sinclair/typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String() }),
  },
  { $id: 'ErrorResponse' },
);

export const Event = Type.Object({
  conversationId: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  at: Type.String(),
  actor: Type.Object({
    type: Type.String(),
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
  }),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const Conversation = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  queue: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  priority: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  language: Type.Union([Type.String(), Type.Null()]),
  customer: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  assignee: Type.Optional(Type.Union([Type.Object({ id: Type.String() }), Type.Null()])),
  handoff: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  lastSeq: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.Optional(Type.String()),
  handedOverAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  preview: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const ConversationParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));

export const bearer = [{ bearer: [] }];
