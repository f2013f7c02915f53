/**
 * Which of the widget's languages to speak, from language tags in order of preference
 * (the `lang` attribute, the conversation's language, the browser's languages). Apart from
 * the catalogues, so the widget can bundle it without bundling every language.
 */
export const WIDGET_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt-BR', 'pt-PT'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/**
 * The first tag Baton speaks, matched on its language; Portuguese is European only when the
 * tag says Portugal ("pt-PT"), Brazilian otherwise ("pt", "pt-BR"). English when none fits.
 */
export function pickWidgetLanguage(tags: readonly (string | null | undefined)[]): WidgetLanguage {
  for (const tag of tags) {
    const [base = '', region = ''] = (tag ?? '').toLowerCase().split(/[-_]/);
    if (base === 'pt') return region === 'pt' ? 'pt-PT' : 'pt-BR';
    const found = WIDGET_LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}

/** Fills {name} placeholders; an unknown one stays visible, so a broken string is noticed. */
export function fillWidgetText(
  text: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
