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

/** A staff note about the person, never shown to the customer. */
export const ContactNote = Type.Object({
  id: Type.String(),
  /** The conversation it was written from. */
  conversationId: Type.String(),
  authorId: Type.String(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** What is known of the person: one value, and every conversation that holds it. */
export const ContactField = Type.Object({
  name: Type.String(),
  value: Type.String(),
  sources: Type.Array(
    Type.Object({
      conversationId: Type.String(),
      channel: Type.String(),
      /** False: only the customer's word (typed, or sent unsigned). */
      verified: Type.Boolean(),
    }),
  ),
});

export const Contact = Type.Object({
  verified: Type.Boolean(),
  identities: Type.Array(Type.String()),
  /** What the conversation claims without proof: shown as unverified, linking no one. */
  claimed: Type.Array(Type.String()),
  conversations: Type.Array(Conversation),
  /** Staff notes about the person, newest first. */
  notes: Type.Array(ContactNote),
  fields: Type.Array(ContactField),
});
