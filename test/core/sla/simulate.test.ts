import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/core/sla/simulate/run-simulation.ts';
import { createRng } from '../../../src/core/sla/simulate/prng.ts';
import { scorePredictions } from '../../../src/core/sla/simulate/score-predictions.ts';

describe('runSimulation', () => {
  it('is deterministic for a seed', () => {
    expect(runSimulation({ hours: 24, seed: 7 })).toEqual(runSimulation({ hours: 24, seed: 7 }));
    expect(runSimulation({ hours: 24, seed: 7 })).not.toEqual(
      runSimulation({ hours: 24, seed: 8 }),
    );
  });

  it('meets the aim: band coverage ≥ 85 % and error well below the naive predictor', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = runSimulation({ hours: 48, seed });
      expect(r.estimator.samples).toBeGreaterThan(300);
      expect(r.estimator.coverage).toBeGreaterThanOrEqual(0.85);
      expect(r.estimator.medianAbsRelError).toBeLessThan(0.6 * r.naive.medianAbsRelError);
    }
  });

  it('captures arrivals while closed and counts abandonment', () => {
    const r = runSimulation({ hours: 24, seed: 1 });
    expect(r.capturedWhileClosed).toBeGreaterThan(0);
    expect(r.abandoned).toBeGreaterThan(0);
    expect(r.served + r.abandoned).toBeLessThanOrEqual(r.arrivals);
  });

  it('reports progress up to the end', () => {
    const seen: number[] = [];
    runSimulation({ hours: 2, seed: 1 }, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(120);
  });
});

describe('prng and scoring', () => {
  it('draws log-normal values with the requested mean', () => {
    const rng = createRng(3);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.logNormal(8, 0.7);
    expect(sum / n).toBeGreaterThan(7.7);
    expect(sum / n).toBeLessThan(8.3);
  });

  it('floors the relative error at one minute', () => {
    const s = scorePredictions([
      { prediction: { pointMinutes: 0.5, lowMinutes: 0, highMinutes: 1 }, actualMinutes: 0.1 },
      { prediction: { pointMinutes: 4, lowMinutes: 3, highMinutes: 5 }, actualMinutes: 8 },
    ]);
    expect(s.coverage).toBe(0.5);
    expect(s.medianAbsRelError).toBeCloseTo((0.4 + 0.5) / 2);
  });
});
