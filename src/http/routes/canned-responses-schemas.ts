/**
 * The schemas of canned-responses-routes.ts, apart from the routes so that the web takes its types from
 * them without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

export const CannedResponse = Type.Object({ title: Type.String(), text: Type.String() });
