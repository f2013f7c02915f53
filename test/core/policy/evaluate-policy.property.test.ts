// Rules that hold for every input: the button always hands over, evaluation never throws,
// and a decision is always well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, getDefaultPolicy, REASON_CODES } from '../../../src/core/policy/index.ts';
import { CHANNELS, type Turn } from '../../../src/core/transcript/index.ts';

const policy = getDefaultPolicy();

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.constantFrom(
    'refund',
    'AGENT!!!',
    'cancel my order',
    '$9,999',
    'no need for an agent',
    '😡😡',
    '',
  ),
);

const turn: fc.Arbitrary<Turn> = fc.oneof(
  text.map((t) => ({ from: 'customer' as const, text: t })),
  fc.record({
    from: fc.constant('bot' as const),
    text,
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    intent: fc.constantFrom('none', 'clarify', 'order_status', 'out_of_scope', 'error'),
  }),
  text.map((t) => ({ from: 'system' as const, text: t })),
);

const input = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  turns: fc.array(turn, { maxLength: 12 }),
});

describe('evaluatePolicy properties', () => {
  it('never throws and always returns a well-formed decision', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = evaluatePolicy(i, policy);
        expect(['continue', 'intake', 'handoff']).toContain(d.action);
        expect(d.priority).toBeGreaterThanOrEqual(0);
        expect(d.priority).toBeLessThanOrEqual(policy.priority.max);
        expect(d.trace).toHaveLength(policy.rules.length);
        for (const r of d.reasons) expect(REASON_CODES).toContain(r.code);
        expect(d.action === 'continue').toBe(d.reasons.length === 0);
        if (d.action !== 'continue') expect(d.queue).toEqual(expect.any(String));
      }),
      { numRuns: 300 },
    );
  });

  it('always hands over, explicit request first, when the customer presses the button', () => {
    fc.assert(
      fc.property(input, (i) => {
        const turns = [...i.turns, { from: 'customer' as const, action: 'request_human' }];
        const d = evaluatePolicy({ ...i, turns }, policy);
        expect(d.action).toBe('handoff');
        expect(d.reasons[0]?.code).toBe('explicit_request');
        expect(d.reasons[0]?.evidence.turn).toBe(turns.length - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same decision for the same input (pure, memoisation invisible)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = evaluatePolicy(i, policy);
        const b = evaluatePolicy(structuredClone(i), policy);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
