import { describe, expect, it } from 'vitest';
import { contentWords, questionSimilarity } from '../../../src/core/signals/question-similarity.ts';

const sim = (a: string, b: string) => questionSimilarity(contentWords(a), contentWords(b));

describe('questionSimilarity', () => {
  it('sees a reworded question as the same question', () => {
    expect(
      sim(
        'can I change the delivery address for my order 66102?',
        "ok but can I change the address it's going to?",
      ),
    ).toBeGreaterThanOrEqual(0.6);
  });

  it('sees different questions as different', () => {
    expect(
      sim('How do I verify my custom domain?', 'Clicked it again, still pending'),
    ).toBeLessThan(0.6);
  });

  it('is symmetric and 0 for near-empty messages', () => {
    const a = 'refund my broken headphones order';
    const b = 'my headphones arrived broken, refund please';
    expect(sim(a, b)).toBe(sim(b, a));
    expect(sim('ok', 'ok')).toBe(0);
  });

  // Thirteenth round: a short follow-up that names one new thing is not the question again.
  it.each([
    ['What were my data roaming charges in France?', 'and roaming charges in Italy?'],
    ['¿Cuánto pagué de roaming de datos en Francia?', '¿y el roaming de datos en Italia?'],
    ['Wie viel habe ich für Datenroaming in Frankreich bezahlt?', 'und wie viel in Italien?'],
    [
      "Combien ai-je payé pour l'itinérance des données en Espagne ?",
      "et combien pour l'itinérance en Italie ?",
    ],
    ['Quanto paguei de roaming de dados na Argentina?', 'e de roaming de dados no Chile?'],
    ['How many vacation days did I take this year?', 'and last year?'],
  ])('a short follow-up is not a repeat: %s / %s', (a, b) => {
    expect(sim(a, b)).toBeLessThan(0.6);
  });

  it.each([
    ['How do I reset my password?', "I still can't reset my password"],
    [
      '¿Cómo cambio la dirección de envío de mi pedido?',
      'quiero saber cómo cambio la dirección de envío',
    ],
    ['Wie kann ich meine Lieferadresse ändern?', 'Lieferadresse ändern, wie?'],
    [
      "Comment changer l'adresse de livraison de ma commande ?",
      "je veux changer l'adresse de livraison",
    ],
    [
      'Como altero o endereço de entrega do meu pedido?',
      'ainda não sei como altero o endereço de entrega do pedido',
    ],
  ])('a rephrasing is a repeat: %s / %s', (a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(0.6);
  });
});
