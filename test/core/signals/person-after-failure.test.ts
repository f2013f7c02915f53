import { describe, expect, it } from 'vitest';
import { turnsToSomeone } from '../../../src/core/signals/person-after-failure.ts';
import { detectHumanRequest } from '../../../src/core/signals/detect-human-request.ts';

// Made up for these tests from the classes (someone × looking or helping × a frame or a question
// mark), not taken from a corpus or a held-out set.
describe('turnsToSomeone: someone asked to look or help, read after a failed bot answer', () => {
  it.each([
    'could somebody have a look at it?',
    'I need someone to sort this out',
    'is there somebody who can explain this to me?',
    'anyone else?',
    '¿me puede ayudar alguien?',
    '¿hay alguien que lo mire?',
    'necesito que alguien lo revise',
    'kann sich jemand darum kümmern?',
    'gibt es jemanden, der das prüfen kann?',
    'jemand anders vielleicht?',
    "quelqu'un pourrait jeter un coup d'oeil ?",
    "est-ce que quelqu'un peut m'expliquer ?",
    "quelqu'un d'autre svp",
    'alguém consegue resolver isso?',
    'tem alguém pra me ajudar?',
    'outra pessoa, por favor',
  ])('reads "%s"', (text) => {
    expect(turnsToSomeone(text)).not.toBeNull();
  });

  // The person as topic, negations, hypotheticals, access questions and past events.
  it.each([
    'my colleague said you could help with the invoice?',
    'mi asesor me dijo que me podían ayudar con esto',
    'meine Beraterin sagte, Sie helfen mir weiter?',
    "mon conseiller m'a dit que vous pouviez m'aider ?",
    'no need to pass me to anyone, can you just help?',
    'não precisa me passar pra ninguém, pode ajudar?',
    'ich brauche niemanden, kann das Formular helfen?',
    'if I talked to someone would it be faster?',
    'can anyone see my balance?',
    'kann jemand anderes meine Karte benutzen?',
    '¿alguien más puede usar mi tarjeta?',
    'someone else used my card, can you help?',
    'alguém usou meu cartão',
    "quelqu'un a utilisé ma carte",
    'does my estate agent have to check this?',
    'no one?',
  ])('leaves "%s"', (text) => {
    expect(turnsToSomeone(text)).toBeNull();
  });
});

describe('the grammar reads "someone else" asked to look or help, with no bot turn needed', () => {
  it.each([
    'could someone else take a look',
    'can somebody else check this for me',
    'kann das jemand anders anschauen',
    'könnte jemand anderes draufschauen?',
    "est-ce que quelqu'un d'autre peut regarder ?",
    '¿puede alguien más revisarlo?',
    'alguém mais pode olhar isso?',
  ])('"%s" is a strong request', (text) => {
    expect(detectHumanRequest({ text })?.strength).toBe('strong');
  });

  it.each([
    'can someone else use my card?',
    'kann jemand anderes meine Karte benutzen?',
    '¿alguien más puede usar mi tarjeta?',
    'if I talked to someone would it be faster?',
  ])('"%s" is not', (text) => {
    expect(detectHumanRequest({ text })?.strength).not.toBe('strong');
  });
});
