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

describe('fixTypos and the message language (issue 12)', () => {
  it('keeps accent-less es/pt/fr words of the lexicons in their own language', () => {
    const text =
      'quiero cancelar mi suscripcion, o cancelamento da assinatura, un conseiller peut me contacte';
    expect(fixTypos(text)).toBe(text);
    expect(fixTypos('mi subscripcion')).toBe('mi subscripcion');
    const deFr = 'je veux resilier mon abonnement, ich moechte mein abo kuendigen';
    expect(fixTypos(deFr)).toBe(deFr);
  });

  it('does not turn a near-miss of a Spanish word into the English one', () => {
    expect(fixTypos('cancelar mi suscripsion')).toBe('cancelar mi suscripsion');
  });

  it('still repairs English typos in English messages', () => {
    expect(fixTypos('i want to cancel my subscripion')).toBe('i want to cancel my subscription');
    expect(fixTypos('cancel my subscriptin')).toBe('cancel my subscription');
  });

  it('still maps the cognates the English patterns read on purpose', () => {
    expect(fixTypos('cancelacion de mi cuenta')).toBe('cancellation de mi cuenta');
    expect(fixTypos('reclamacion')).toBe('reclamation');
  });
});
