/**
 * The answer of widget-settings-route.ts, apart from the route so that the widget takes its
 * types from it without importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';

/** A pre-chat form field; a custom field's label is in the visitor's language. */
export const PreChatField = Type.Object({
  key: Type.String(),
  type: Type.Union([Type.Literal('text'), Type.Literal('email'), Type.Literal('tel')]),
  required: Type.Boolean(),
  label: Type.Optional(Type.String()),
});

export const WidgetSettings = Type.Object({
  preChatForm: Type.Union([Type.Object({ fields: Type.Array(PreChatField) }), Type.Null()]),
  transcriptByEmail: Type.Boolean(),
});
