// The classifier's features carry a request for a person across languages: French elisions are
// split off their word, German compounds and each language's words for a person, staff, talking
// or passing over emit one class, and a message emits every pair of its classes.
import { describe, expect, it } from 'vitest';
import { featureStrings } from '../../../src/core/classify/featurize.ts';

const classes = (text: string) => featureStrings(text).filter((f) => f.startsWith('k'));

describe('cross-lingual features', () => {
  it('splits French elisions, so "l\'équipe" shares the word "equipe"', () => {
    expect(featureStrings("quelqu'un de l'équipe")).toEqual(
      expect.arrayContaining(['w:equipe', 'w:un', 'c: equi']),
    );
    expect(featureStrings("don't")).toContain("w:don't");
  });

  it('gives a German compound the class of the person at its end', () => {
    expect(classes('mit einer Kundenbetreuerin')).toContain('k:staff');
    expect(classes('der Servicemitarbeiter')).toContain('k:staff');
    expect(classes('die Betriebsanleitung')).toEqual([]);
  });

  it('gives the same class pair to one request in five languages', () => {
    for (const text of [
      'I want to talk to a real person',
      'quiero hablar con una persona real',
      'ich möchte mit einem echten Menschen sprechen',
      'je veux parler à une vraie personne',
      'quero falar com uma pessoa de verdade',
    ]) {
      expect(classes(text)).toEqual(
        expect.arrayContaining(['k:person', 'k:talk', 'k:real', 'kk:person+talk']),
      );
    }
  });

  it('marks a negation beside the person', () => {
    expect(classes('no hace falta que me pases con nadie')).toContain('kk:not+transfer');
  });
});
