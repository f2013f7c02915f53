/**
 * The schemas of history-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';
import { Conversation } from './schemas.ts';

export const HistoryPage = Type.Object({
  conversations: Type.Array(Conversation),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const Contact = Type.Object({
  verified: Type.Boolean(),
  identities: Type.Array(Type.String()),
  /** What the conversation claims without proof: shown as unverified, linking no one. */
  claimed: Type.Array(Type.String()),
  conversations: Type.Array(Conversation),
});
