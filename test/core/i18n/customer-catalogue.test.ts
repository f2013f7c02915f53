/**
 * The customer catalogue: every language has every key with the same named placeholders, the
 * lookup falls back region → language → English, European Portuguese is its own, and no
 * customer text is written inline outside src/core/i18n.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_EN, type CustomerStrings } from '../../../src/core/i18n/customer-en.ts';
import { CUSTOMER_ES } from '../../../src/core/i18n/customer-es.ts';
import {
  CUSTOMER_CATALOGUES,
  CUSTOMER_LANGUAGES,
  customerLanguage,
  customerText,
  type CustomerKey,
} from '../../../src/core/i18n/customer-text.ts';

const KEYS = Object.keys(CUSTOMER_EN) as CustomerKey[];
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

// A catalogue that lacks a key does not compile (tsc checks the tests too).
// @ts-expect-error the Spanish catalogue without its greeting is not a CustomerStrings
const withoutGreeting: CustomerStrings = (({ greeting_web: _, ...rest }) => rest)(CUSTOMER_ES);

describe('customer catalogue', () => {
  it('has every key in every language, with the placeholders of the English text', () => {
    expect(withoutGreeting).toBeDefined();
    expect(KEYS.length).toBeGreaterThan(75);
    for (const language of CUSTOMER_LANGUAGES) {
      const catalogue: Readonly<Record<string, string>> = CUSTOMER_CATALOGUES[language];
      expect(Object.keys(catalogue).sort(), language).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        const text = catalogue[key] ?? '';
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(CUSTOMER_EN[key]));
      }
    }
  });

  it('is translated: no language but English carries English sentences', () => {
    const english = /\b(the|you|your|please|will|with)\b/i;
    for (const language of CUSTOMER_LANGUAGES.filter((l) => l !== 'en')) {
      const copied = KEYS.filter((key) => english.test(CUSTOMER_CATALOGUES[language][key]));
      expect(copied, language).toEqual([]);
    }
  });

  it('falls back region → language → English', () => {
    expect(customerLanguage('pt-PT')).toBe('pt-PT');
    expect(customerLanguage('pt_pt')).toBe('pt-PT');
    expect(customerLanguage('pt-BR')).toBe('pt-BR');
    expect(customerLanguage('pt')).toBe('pt-BR');
    expect(customerLanguage('es-MX')).toBe('es');
    expect(customerLanguage('de-AT')).toBe('de');
    expect(customerLanguage('fr-CA')).toBe('fr');
    expect(customerLanguage('ja')).toBe('en');
    expect(customerLanguage(null)).toBe('en');
    expect(customerText('choice_wait', 'es-MX', {})).toBe('Seguir esperando');
    expect(customerText('choice_wait', 'ja-JP', {})).toBe('Keep waiting');
  });

  it("takes a queue's override for the tag first, then for its language", () => {
    const overrides = { pt: { choice_wait: 'Esperar' }, 'pt-PT': { choice_wait: 'Aguardar' } };
    expect(customerText('choice_wait', 'pt-PT', {}, overrides)).toBe('Aguardar');
    expect(customerText('choice_wait', 'pt-BR', {}, overrides)).toBe('Esperar');
    expect(customerText('choice_wait', 'pt-PT', {}, { pt: { choice_wait: 'Esperar' } })).toBe(
      'Esperar',
    );
    expect(customerText('choice_wait', 'es', {}, overrides)).toBe('Seguir esperando');
  });

  it('fills named parameters and leaves an unknown one visible', () => {
    expect(customerText('agent_joined', 'de', { agent: 'Alex', team: 'Abrechnung' })).toBe(
      'Alex von Abrechnung ist dem Gespräch beigetreten und sieht den bisherigen Verlauf.',
    );
    const overrides = { en: { agent_joined: '{agent} is here ({who})' } };
    expect(customerText('agent_joined', 'en', { agent: 'Alex', team: 'x' }, overrides)).toBe(
      'Alex is here ({who})',
    );
  });
});

describe('European Portuguese', () => {
  const PT = CUSTOMER_CATALOGUES['pt-PT'];
  const BR = CUSTOMER_CATALOGUES['pt-BR'];
  const all = (catalogue: Readonly<Record<string, string>>) => Object.values(catalogue).join('\n');

  it("uses Portugal's words and never Brazil's", () => {
    const brazilian =
      /(?<!\p{L})(você|equipe|celular|contato|salvo|pular|conosco|esperando|atendendo|ligação|tchau)(?!\p{L})/iu;
    expect(all(PT).match(brazilian)).toBeNull();
    expect(all(PT)).toMatch(/telemóvel/);
    expect(all(PT)).toMatch(/equipa/);
    expect(all(PT)).toMatch(/aguardar/);
    expect(all(PT)).toMatch(/contacto/);
  });

  it("keeps Brazilian Portuguese free of Portugal's words", () => {
    const european = /(?<!\p{L})(equipa|telemóvel|contacto|connosco|guardado|saltar)(?!\p{L})/iu;
    expect(all(BR).match(european)).toBeNull();
  });

  it('differs from Brazilian Portuguese in what the customer reads at the handoff', () => {
    for (const key of [
      'waiting',
      'long_queue',
      'closed',
      'ask_contact',
      'agent_joined',
      'context_kept',
      'transferred',
      'greeting_web',
      'choice_wait',
      'bot_no_answer',
    ] as const) {
      expect(PT[key], key).not.toBe(BR[key]);
    }
  });
});

describe('customer texts live in the catalogues only', () => {
  // A few sentences of the catalogues; written anywhere else in src/ they would bypass it.
  const PHRASES = [
    'has joined the conversation',
    'in the queue for',
    'Our team is open now',
    'passing you to',
    'answer that one',
    'If you would rather talk to a person',
    'Keep waiting',
    'Continue by message',
    'How did we do',
    'That does not look like',
    'open that kind of message',
    'our team',
    'en la cola',
    'Soy un asistente',
    'in der Warteschlange',
    'dans la file',
    'na fila',
  ];

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return path.endsWith('i18n') ? [] : sourceFiles(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  }

  it('finds none of them in code outside src/core/i18n', () => {
    const found: string[] = [];
    for (const file of sourceFiles('src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Comments may quote a text to say what the code does.
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
          for (const phrase of PHRASES) {
            if (line.toLowerCase().includes(phrase.toLowerCase()))
              found.push(`${file}:${i + 1}: ${phrase}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
