/**
 * Every language the widget speaks, and the rule that picks one from what is known about
 * the visitor (docs/web.md, "Languages"). Pure: the widget bundles only English and fetches
 * the others from GET /api/v1/widget/strings/:language.
 */
import { WIDGET_DE } from './widget-de.ts';
import { WIDGET_EN, type WidgetStrings } from './widget-en.ts';
import { WIDGET_ES } from './widget-es.ts';
import { WIDGET_FR } from './widget-fr.ts';
import { WIDGET_PT_BR } from './widget-pt-br.ts';
import { WIDGET_PT_PT } from './widget-pt-pt.ts';
import type { WidgetLanguage } from './widget-language.ts';

export const WIDGET_CATALOGUES = {
  en: WIDGET_EN,
  es: WIDGET_ES,
  de: WIDGET_DE,
  fr: WIDGET_FR,
  'pt-BR': WIDGET_PT_BR,
  'pt-PT': WIDGET_PT_PT,
} as const satisfies Readonly<Record<WidgetLanguage, WidgetStrings>>;
