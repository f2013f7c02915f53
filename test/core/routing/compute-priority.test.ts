import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PRIORITY_FORMULA,
  computePriority,
} from '../../../src/core/routing/compute-priority.ts';
import { priorityFormulaFromPolicy } from '../../../src/core/routing/priority-formula-from-policy.ts';
import { getDefaultPolicy } from '../../../src/core/policy/index.ts';

describe('computePriority', () => {
  it('starts at the base of 50 with nothing known', () => {
    expect(computePriority({})).toEqual({
      priority: 50,
      contributions: [{ source: 'base', points: 50 }],
    });
  });

  it('adds every factor of the seed formula and lists each addend', () => {
    const r = computePriority({
      tier: 'premium',
      sentiment: -0.8,
      topics: ['cancellation', 'cancellation'],
      waitedSeconds: 200,
    });
    expect(r.contributions).toEqual([
      { source: 'base', points: 50 },
      { source: 'tier:premium', points: 20 },
      { source: 'negative_sentiment', points: 20 },
      { source: 'topic:cancellation', points: 15 },
      { source: 'waited', points: 15 },
    ]);
    expect(r.priority).toBe(100);
  });

  it('caps at 100 and counts thresholds as strictly above', () => {
    const r = computePriority({
      tier: 'enterprise',
      lifetimeValue: 9000,
      atRiskOfChurn: true,
      conversationSeconds: 601,
      messages: 11,
    });
    expect(r.priority).toBe(100);
    const edge = computePriority({ lifetimeValue: 5000, messages: 10, waitedSeconds: 120 });
    expect(edge.priority).toBe(50);
  });

  it('takes a configurable formula and extra contributions', () => {
    const formula = { ...DEFAULT_PRIORITY_FORMULA, base: 20, tiers: { gold: 7 } };
    const r = computePriority(
      { tier: 'gold', extra: [{ source: 'rule:security', points: 25 }] },
      formula,
    );
    expect(r.priority).toBe(52);
    expect(r.contributions.map((c) => c.source)).toEqual(['base', 'tier:gold', 'rule:security']);
  });

  it('always lands in 1..100', () => {
    fc.assert(
      fc.property(
        fc.record({
          tier: fc.constantFrom('premium', 'free', 'business'),
          lifetimeValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          sentiment: fc.double({ min: -1, max: 1, noNaN: true }),
          messages: fc.nat(100),
          extra: fc.array(
            fc.record({ source: fc.string(), points: fc.integer({ min: -200, max: 200 }) }),
          ),
        }),
        (factors) => {
          const { priority } = computePriority(factors);
          return priority >= 1 && priority <= 100 && Number.isInteger(priority);
        },
      ),
    );
  });
});

describe('priorityFormulaFromPolicy', () => {
  it('turns the default policy’s weights into the seed formula', () => {
    const formula = priorityFormulaFromPolicy(getDefaultPolicy().priority);
    expect(formula).toEqual(DEFAULT_PRIORITY_FORMULA);
  });
});
