import { describe, expect, it } from 'vitest';
import { fixTypos } from '../../../src/core/signals/fix-typos.ts';

describe('fixTypos', () => {
  it('repairs near-misses of keywords', () => {
    expect(fixTypos('cancfel my acount')).toBe('cancel my account');
    expect(fixTypos('talk to a hmuan')).toBe('talk to a human');
    expect(fixTypos('hman please')).toBe('human please');
    expect(fixTypos('a real humn')).toBe('a real human');
  });

  it('repairs four-letter words towards "human" only', () => {
    const text = 'oder gent then task ohne';
    expect(fixTypos(text)).toBe(text);
  });

  it('splits words glued to a keyword and digits glued to words', () => {
    expect(fixTypos('i need help tocancel order732201349959')).toBe(
      'i need help to cancel order 732201349959',
    );
    expect(fixTypos('close freemiumaccount')).toBe('close freemium account');
  });

  it('leaves real words and inflections alone', () => {
    const text = 'taking my older contract for assistance, cancelling the contacting';
    expect(fixTypos(text)).toBe(text);
  });

  it('repairs person words of other languages but never splits them off a longer word', () => {
    expect(fixTypos('menschn bitte')).toBe('mensch bitte');
    expect(fixTypos('un conseiler svp')).toBe('un conseiller svp');
    const text = 'die mitarbeiterliste, je vous conseille, wir mitarbeiten';
    expect(fixTypos(text)).toBe(text);
  });
});
