/**
 * The schemas of queue-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

export const Queue = Type.Object({
  id: Type.String(),
  name: Type.String(),
  requiredSkills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  fallback: Type.Array(Type.String()),
  calendarId: Type.String(),
  open: Type.Boolean(),
  assignment: Type.Union([Type.Literal('offer'), Type.Literal('pull')]),
  firstResponseSeconds: Type.Integer(),
});
