/**
 * The schemas of whatsapp-template-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

export const Template = Type.Object({
  name: Type.String(),
  language: Type.String(),
  parameters: Type.Integer({ description: 'How many `{{n}}` body parameters it takes.' }),
  preview: Type.String({ description: 'The approved body text with `{{1}}`-style slots.' }),
});
