import { describe, expect, it } from 'vitest';
import { detectFrustration } from '../../../src/core/signals/detect-frustration.ts';
import { scoreSentiment } from '../../../src/core/signals/score-sentiment.ts';

const frustration = (text: string) => detectFrustration(text, scoreSentiment(text));

describe('detectFrustration', () => {
  it.each([
    ['profanity', 'This stupid app logged me out AGAIN. What the hell is going on'],
    ['shouting', 'I DID THAT ALREADY. IT STILL SAYS NO SIM AND IT HAS BEEN 3 HOURS'],
    ['angry phrase', "I've been waiting for days. This is ridiculous."],
    ['repeated ??', 'its been 8 days??'],
    ['insult', 'you are useless'],
    ['Spanish', 'esto es ridículo, estoy harto'],
  ])('is strong on %s', (_kind, text) => {
    expect(frustration(text).strong).toBe(true);
  });

  it.each([
    'Ugh, the discount code SPRING15 isn’t working at checkout.',
    'Thanks!! That worked perfectly',
    'How do I reset my PIN?',
    'SSO and API access for the EU team',
  ])('is not strong on %j', (text) => {
    expect(frustration(text).strong).toBe(false);
  });

  it('keeps a mild "damn" below the strong threshold but above zero', () => {
    const f = frustration('where is the damn invoice');
    expect(f.strong).toBe(false);
    expect(f.score).toBeGreaterThan(0);
  });

  it('lists its cues with their kind', () => {
    const kinds = frustration('WHY IS THIS STILL BROKEN!!').cues.map((c) => c.kind);
    expect(kinds).toContain('caps');
    expect(kinds).toContain('punctuation');
  });
});

describe('scoreSentiment', () => {
  it('scores angry text below calm text', () => {
    expect(scoreSentiment('This is terrible, I hate this awful service')).toBeLessThan(-0.3);
    expect(scoreSentiment('Great, thank you so much!')).toBeGreaterThan(0.3);
  });

  it('scores empty text as 0', () => {
    expect(scoreSentiment('   ')).toBe(0);
  });
});
