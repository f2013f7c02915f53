// The widget's words in the visitor's language. English is bundled (src/core/i18n/widget-en.ts);
// any other language is fetched once from the server (GET /api/v1/widget/strings/:language),
// so widget.js does not carry five catalogues for one visitor. Until it arrives, and if it
// cannot be fetched, the widget speaks English.

import { WIDGET_EN, type WidgetKey, type WidgetStrings } from '../../src/core/i18n/widget-en.ts';
import { fillWidgetText, type WidgetLanguage } from '../../src/core/i18n/widget-language.ts';

export class WidgetText {
  #language: WidgetLanguage = 'en';
  #strings: WidgetStrings = WIDGET_EN;
  #wanted: WidgetLanguage = 'en';

  get language(): WidgetLanguage {
    return this.#language;
  }

  /** One text, placeholders filled. */
  t(key: WidgetKey, params?: Readonly<Record<string, string | number>>): string {
    return fillWidgetText(this.#strings[key], params);
  }

  /** A number as the visitor writes it (1,000 / 1.000 / 1 000). */
  number(value: number): string {
    return new Intl.NumberFormat(this.#language).format(value);
  }

  /**
   * Switches to a language; resolves true once its words are in place (false when nothing
   * changed, or when a later call asked for another language meanwhile).
   */
  async use(language: WidgetLanguage, server: string): Promise<boolean> {
    if (language === this.#wanted) return false;
    this.#wanted = language;
    let strings: WidgetStrings = WIDGET_EN;
    if (language !== 'en') {
      try {
        const url = new URL(`api/v1/widget/strings/${encodeURIComponent(language)}`, server);
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { strings: Partial<WidgetStrings> };
        // A key the server lacks (an older server) stays English rather than blank.
        strings = { ...WIDGET_EN, ...body.strings };
      } catch {
        if (this.#wanted === language) this.#wanted = this.#language;
        return false;
      }
    }
    if (this.#wanted !== language) return false;
    this.#language = language;
    this.#strings = strings;
    return true;
  }
}
