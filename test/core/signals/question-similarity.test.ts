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
});
