import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from '../../../src/core/signals/detect-human-request.ts';

const strength = (text: string) => detectHumanRequest({ text })?.strength ?? null;

describe('detectHumanRequest', () => {
  it.each([
    "I'd like to talk to a human, please.",
    'get me a real person pls',
    'AGENT!!!',
    'representative',
    'can I speak with someone?',
    'Is anyone there?',
    'transfer me to an agent now',
    'i want hlp to talk to a hmuan',
    'agnet please',
    'how do I get in touch with customer service?',
    'why can’t I just talk to a person',
    "I don't know how to contact a live agent",
  ])('fires on the English request %j', (text) => {
    expect(strength(text)).toBe('strong');
  });

  it.each([
    ['es', 'Hola, quiero hablar con una persona, por favor.'],
    ['es', 'necesito un agente humano'],
    ['de', 'Ich möchte bitte mit einem Mitarbeiter sprechen.'],
    ['de', 'Verbinden Sie mich mit einem echten Menschen'],
    ['fr', "Je voudrais parler à un conseiller s'il vous plaît."],
    ['fr', "il y a quelqu'un ?"],
    ['pt', 'Quero falar com um atendente humano.'],
    ['pt', 'tem alguém aí?'],
  ])('fires in %s: %j', (_lang, text) => {
    expect(strength(text)).toBe('strong');
  });

  it.each([
    'Ah, never mind, no need for an agent, I figured it out.',
    'I booked the flight through a travel agent',
    "what's the user agent string of your app?",
    'Our human resources team needs copies of all invoices',
    'cancel my last message',
    'Is a human reviewing my application or is it all automatic?',
    'I think someone has got into my account.',
    "I don't want to talk to a person, just tell me the opening hours",
    'je ne veux pas parler à un conseiller',
    'mon argent a disparu',
    'How long does shipping to Canada take?',
    'Is a real person going to read my review?',
    'Someone from your team called me yesterday about my order',
    "I'll ask someone at home and get back to you",
  ])('does not fire on %j', (text) => {
    expect(strength(text)).toBeNull();
  });

  it('treats the "Talk to a human" button as a strong request', () => {
    expect(detectHumanRequest({ action: 'request_human' })).toEqual({
      strength: 'strong',
      matched: 'request_human',
    });
  });

  it('reads "are you a bot?" and a bare "hello??" as weak cues only', () => {
    expect(strength('are you a bot?')).toBe('weak');
    expect(strength('hello??')).toBe('weak');
    expect(strength('are you a real person or an AI?')).toBe('weak');
    expect(strength('am I talking to a real person?')).toBe('weak');
  });

  it('still hears a request after a question about what the bot is', () => {
    expect(strength('are you a bot or a human? I want a human')).toBe('strong');
  });

  it('reports the words that matched', () => {
    expect(detectHumanRequest({ text: 'Can I talk to a human please?' })?.matched).toBe(
      'talk to a human',
    );
  });

  it('never throws and only returns strong, weak or null for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const r = detectHumanRequest({ text });
        expect(r === null || r.strength === 'strong' || r.strength === 'weak').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
