/**
 * The schemas of the client → server WebSocket frames (socket-frames.ts compiles them), apart
 * so that the widget and the inbox take their frames' types from them, type-only.
 */
import { Type } from '@sinclair/typebox';

const ClientMessageId = Type.Optional(Type.String({ minLength: 1, maxLength: 100 }));

/** What the customer's socket may send (the widget's frames). */
export const CustomerFrameSchema = Type.Union([
  Type.Object({
    type: Type.Literal('message'),
    text: Type.String(),
    clientMessageId: ClientMessageId,
  }),
  Type.Object({
    type: Type.Literal('action'),
    action: Type.Literal('request_human'),
    clientMessageId: ClientMessageId,
  }),
  // An answer to a message that offered `choices` (the same as HTTP `action: "choose"`).
  Type.Object({
    type: Type.Literal('action'),
    action: Type.Literal('choose'),
    choice: Type.String({ minLength: 1, maxLength: 100 }),
    clientMessageId: ClientMessageId,
  }),
  // The customer is typing (active) or stopped; shown to the agent, never stored.
  Type.Object({ type: Type.Literal('typing'), active: Type.Optional(Type.Boolean()) }),
  // The customer has seen the agents' messages up to this seq (stored as `message.read`).
  Type.Object({ type: Type.Literal('read'), upToSeq: Type.Integer({ minimum: 0 }) }),
]);

/** What an agent's socket may send (the inbox's frames). */
export const AgentFrameSchema = Type.Union([
  Type.Object({
    type: Type.Literal('subscribe'),
    conversationId: Type.String({ minLength: 1, maxLength: 100 }),
    since: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  Type.Object({ type: Type.Literal('unsubscribe'), conversationId: Type.String() }),
  Type.Object({
    type: Type.Literal('message'),
    conversationId: Type.String({ minLength: 1, maxLength: 100 }),
    text: Type.String(),
    clientMessageId: ClientMessageId,
  }),
  // The assigned agent is typing (active) or stopped; shown to the customer, never stored.
  Type.Object({
    type: Type.Literal('typing'),
    conversationId: Type.String({ minLength: 1, maxLength: 100 }),
    active: Type.Optional(Type.Boolean()),
  }),
  // The agent has seen the customer's messages up to this seq (stored as `message.read`).
  Type.Object({
    type: Type.Literal('read'),
    conversationId: Type.String({ minLength: 1, maxLength: 100 }),
    upToSeq: Type.Integer({ minimum: 0 }),
  }),
]);
