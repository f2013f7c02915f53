/**
 * GET /api/v1/conversations (history and search, a page at a time) and GET …/:id/contact
 * (one person's conversations across channels). Who sees what is the app's decision
 * (src/app/conversations/conversation-history.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_PAGE,
  HISTORY_VIEWS,
  MAX_PAGE,
} from '../../app/conversations/conversation-history.ts';
import { toConversationView } from '../../app/conversations/conversation-view.ts';
import type { RouteContext } from '../route-context.ts';
import { ConversationParams, bearer, errors } from './schemas.ts';
import { HistoryPage, Contact } from './history-schemas.ts';
import { toNoteView } from './contact-note-routes.ts';

const HistoryQuery = Type.Object({
  view: Type.Optional(
    Type.Union(
      HISTORY_VIEWS.map((v) => Type.Literal(v)),
      { default: 'all' },
    ),
  ),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  queue: Type.Optional(
    Type.String({ maxLength: 64, description: 'A queue id of GET /api/v1/queues.' }),
  ),
  channel: Type.Optional(Type.String({ maxLength: 64, description: 'web, whatsapp, email, …' })),
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Last activity at or after this instant.' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date-time', description: 'Last activity before this instant.' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })),
});

export function registerHistoryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Static<typeof HistoryQuery> }>(
    '/api/v1/conversations',
    {
      schema: {
        summary:
          'History and search: conversations by view, queue, channel, last activity and text, newest first, paginated',
        tags: ['agent'],
        security: bearer,
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errors(400, 401) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const { view = 'all', ...filters } = request.query;
      const page = await ctx.history.search(agent, { view, ...filters });
      return {
        conversations: page.conversations.map(toConversationView),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get<{ Params: Static<typeof ConversationParams> }>(
    '/api/v1/conversations/:id/contact',
    {
      schema: {
        summary:
          "The contact: this customer's conversations across channels, staff notes and what is known of them",
        tags: ['agent'],
        security: bearer,
        params: ConversationParams,
        response: { 200: Contact, ...errors(401, 404) },
      },
    },
    async (request) => {
      const agent = await ctx.auth.agent(request);
      const contact = await ctx.contactNotes.page(agent, request.params.id);
      return {
        verified: contact.verified,
        identities: contact.identities,
        claimed: contact.claimed,
        conversations: contact.conversations.map(toConversationView),
        notes: contact.notes.map(toNoteView),
        fields: contact.fields,
      };
    },
  );
}
