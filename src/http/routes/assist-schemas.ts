/**
 * The schemas of assist-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

export const Hit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  score: Type.Number(),
  body: Type.String(),
});

export const Warning = Type.Object({
  field: Type.String(),
  asked: Type.String(),
  known: Type.String(),
});
