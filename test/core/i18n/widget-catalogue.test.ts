/**
 * The widget's catalogues: every language has every key English has (no more), no empty
 * text, the same placeholders; every key is used by the widget; and the rule that picks the
 * visitor's language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGET_CATALOGUES } from '../../../src/core/i18n/widget-catalogues.ts';
import { WIDGET_EN } from '../../../src/core/i18n/widget-en.ts';
import {
  WIDGET_LANGUAGES,
  fillWidgetText,
  pickWidgetLanguage,
} from '../../../src/core/i18n/widget-language.ts';

const englishKeys = Object.keys(WIDGET_EN).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('widget catalogues', () => {
  it('has one catalogue per language the widget speaks', () => {
    expect(Object.keys(WIDGET_CATALOGUES).sort()).toEqual([...WIDGET_LANGUAGES].sort());
  });

  for (const [language, strings] of Object.entries(WIDGET_CATALOGUES)) {
    it(`${language}: every English key, no other, none empty, the same placeholders`, () => {
      expect(Object.keys(strings).sort()).toEqual(englishKeys);
      for (const key of englishKeys) {
        const text = (strings as Record<string, string>)[key] ?? '';
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        expect(placeholders(text), `${language}.${key}`).toEqual(
          placeholders((WIDGET_EN as Record<string, string>)[key] ?? ''),
        );
      }
    });
  }

  it('says something different in every other language (nothing left in English by mistake)', () => {
    for (const [language, strings] of Object.entries(WIDGET_CATALOGUES)) {
      if (language === 'en') continue;
      const same = englishKeys.filter(
        (key) =>
          (strings as Record<string, string>)[key] === (WIDGET_EN as Record<string, string>)[key],
      );
      // Words that are the same in both languages ("Message", "Messages", "Assistant", "Source").
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThanOrEqual(4);
    }
  });

  it('has no key the widget does not use', () => {
    const dir = 'web/widget';
    const source = readdirSync(dir)
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    const unused = englishKeys.filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('pickWidgetLanguage', () => {
  it('takes the first tag Baton speaks, by its language', () => {
    expect(pickWidgetLanguage(['es-MX', 'en'])).toBe('es');
    expect(pickWidgetLanguage([null, undefined, 'ja', 'de-AT'])).toBe('de');
    expect(pickWidgetLanguage(['FR_ca'])).toBe('fr');
  });

  it('speaks European Portuguese only when the tag says Portugal', () => {
    expect(pickWidgetLanguage(['pt-PT'])).toBe('pt-PT');
    expect(pickWidgetLanguage(['pt-BR'])).toBe('pt-BR');
    expect(pickWidgetLanguage(['pt'])).toBe('pt-BR');
  });

  it('falls back to English', () => {
    expect(pickWidgetLanguage([])).toBe('en');
    expect(pickWidgetLanguage(['ja', 'zh-CN'])).toBe('en');
  });
});

describe('fillWidgetText', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillWidgetText('{agent} joined {x}', { agent: 'Sam' })).toBe('Sam joined {x}');
  });
});
