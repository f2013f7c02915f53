import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentimentTrend } from '../../../src/core/signals/sentiment-trend.ts';

describe('sentimentTrend', () => {
  it('falls for a customer getting angrier and rises for one calming down', () => {
    expect(sentimentTrend([0.4, 0, -0.6]).slope).toBeLessThan(0);
    expect(sentimentTrend([-0.8, -0.2, 0.5]).slope).toBeGreaterThan(0);
  });

  it('reports the mean and the latest score', () => {
    expect(sentimentTrend([0.5, -0.5, -1])).toEqual({ mean: -0.333, slope: -0.75, last: -1 });
  });

  it('is flat for one message or none', () => {
    expect(sentimentTrend([])).toEqual({ mean: 0, slope: 0, last: 0 });
    expect(sentimentTrend([0.7]).slope).toBe(0);
  });

  it('keeps the mean within the range of the scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          const t = sentimentTrend(xs);
          expect(t.mean).toBeGreaterThanOrEqual(Math.min(...xs) - 0.001);
          expect(t.mean).toBeLessThanOrEqual(Math.max(...xs) + 0.001);
        },
      ),
    );
  });
});
