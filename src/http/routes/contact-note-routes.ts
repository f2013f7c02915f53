/**
 * POST …/:id/contact/notes, PATCH and DELETE …/:id/contact/notes/:noteId: staff's private
 * notes about the person of a conversation (app/conversations/contact-notes.ts decides who
 * may). The notes are read with the contact (GET …/:id/contact, history-routes.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ContactNote as StoredNote } from '../../app/conversations/contact-notes.ts';
import type { RouteContext } from '../route-context.ts';
import { ContactNote } from './history-schemas.ts';
import { ConversationParams, bearer, errors } from './schemas.ts';

// Loose here: the length rule (2,000 characters) and its message are the app's.
const NoteBody = Type.Object(
  { text: Type.String({ maxLength: 100_000 }) },
  { additionalProperties: false },
);
const NoteParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  noteId: Type.String({ minLength: 1, maxLength: 100 }),
});

/** A note as the API shows it (no contact key: that is how the store finds it). */
export function toNoteView(note: StoredNote): Static<typeof ContactNote> {
  return {
    id: note.id,
    conversationId: note.conversationId,
    authorId: note.authorId,
    authorName: note.authorName,
    text: note.text,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}

export function registerContactNoteRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Static<typeof ConversationParams>; Body: Static<typeof NoteBody> }>(
    '/api/v1/conversations/:id/contact/notes',
    {
      schema: {
        summary: 'Add a staff note about the person (never shown to the customer)',
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        body: NoteBody,
        response: { 201: ContactNote, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const agent = await ctx.auth.agent(request);
      const note = await ctx.contactNotes.add(agent, request.params.id, request.body.text);
      return reply.code(201).send(toNoteView(note));
    },
  );

  app.patch<{ Params: Static<typeof NoteParams>; Body: Static<typeof NoteBody> }>(
    '/api/v1/conversations/:id/contact/notes/:noteId',
    {
      schema: {
        summary: 'Change a staff note (its author, a supervisor or an admin)',
        tags: ['agent'],
        security: bearer,
        params: NoteParams,
        body: NoteBody,
        response: { 200: ContactNote, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const { id, noteId } = request.params;
      return toNoteView(await ctx.contactNotes.edit(agent, id, noteId, request.body.text));
    },
  );

  app.delete<{ Params: Static<typeof NoteParams> }>(
    '/api/v1/conversations/:id/contact/notes/:noteId',
    {
      schema: {
        summary: 'Delete a staff note (its author, a supervisor or an admin)',
        tags: ['agent'],
        security: bearer,
        params: NoteParams,
        response: errors(401, 403, 404),
      },
    },
    async (request, reply) => {
      const agent = await ctx.auth.agent(request);
      await ctx.contactNotes.remove(agent, request.params.id, request.params.noteId);
      return reply.code(204).send();
    },
  );
}
