// The customer's language from their words: the five template languages, and null (keep the
// hint) when the text is too short or too ambiguous to say.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/core/signals/detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'I want to talk to a human please'],
    ['en', 'My order 12345 arrived broken and I want my money back'],
    ['es', 'Quiero hablar con una persona, mi pedido no llegó'],
    ['es', '¿Cuánto tarda el envío a Madrid?'],
    ['de', 'Ich möchte mit einem Menschen sprechen'],
    ['de', 'Wo ist meine Bestellung geblieben?'],
    ['fr', 'Bonjour, je voudrais parler à un conseiller'],
    ['fr', 'Où est ma commande, s’il vous plaît ?'],
    ['pt', 'Quero falar com um atendente humano'],
    ['pt', 'Onde está o meu pedido?'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('says nothing about too few words', () => {
    expect(detectLanguage('hola')).toBeNull();
    expect(detectLanguage('ok thanks')).toBeNull();
    expect(detectLanguage('12345 !!!')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
