/**
 * GET /api/v1/widget/strings/:language: the widget's words in one language. The widget
 * bundles English only and fetches the visitor's language here, so widget.js stays small
 * however many languages Baton speaks. Public and cacheable: nothing in it is per visitor.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { WIDGET_CATALOGUES } from '../../core/i18n/widget-catalogues.ts';
import { WIDGET_LANGUAGES, pickWidgetLanguage } from '../../core/i18n/widget-language.ts';

const Params = Type.Object({ language: Type.String({ minLength: 2, maxLength: 16 }) });

export function registerWidgetStrings(app: FastifyInstance): void {
  app.get<{ Params: Static<typeof Params> }>(
    '/api/v1/widget/strings/:language',
    {
      schema: {
        summary: "The widget's texts in a language (the nearest Baton speaks; English otherwise)",
        tags: ['customer'],
        params: Params,
        response: {
          200: Type.Object({
            language: Type.Union(WIDGET_LANGUAGES.map((l) => Type.Literal(l))),
            strings: Type.Record(Type.String(), Type.String()),
          }),
        },
      },
    },
    async (request, reply) => {
      const language = pickWidgetLanguage([request.params.language]);
      void reply.header('cache-control', 'public, max-age=3600');
      return { language, strings: WIDGET_CATALOGUES[language] };
    },
  );
}
