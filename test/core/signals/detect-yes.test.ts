import { describe, expect, it } from 'vitest';
import { isYes } from '../../../src/core/signals/detect-yes.ts';

describe('isYes', () => {
  it.each([
    'yes please',
    'sure, go ahead',
    'that would help, yes',
    'ok do that',
    'please do',
    'sounds good',
    'sí, por favor',
    'claro que sí',
    'me parece bien, sí',
    'ja bitte',
    'sehr gern',
    'oui merci',
    'avec plaisir',
    'sim, por favor',
    'quero sim',
    'pode ser',
    'yes, no problem',
    'ja, kein Problem',
    'porfa',
    'pfv',
    'svp',
    'órale, sí',
    'está bien',
    'bora',
    'fechou',
    'tá bom, pode',
    'ça marche',
    'na klar',
    "I'd like that",
  ])('accepts %j', (text) => {
    expect(isYes(text)).toBe(true);
  });

  it.each([
    'no thanks',
    'not now, maybe later',
    'ok but no, I just want the tracking link',
    'nein danke',
    'non merci',
    'no, gracias',
    'não, obrigado',
    'ok so how do I change my delivery address for the order I placed yesterday?',
    'where is my parcel',
    'is it on sale',
    'não, tá bom assim',
    "ok, but I'd like that refund first, not a person",
  ])('does not accept %j', (text) => {
    expect(isYes(text)).toBe(false);
  });
});
