// Scoring replay results against transcript labels: decisions, the turn window, reasons and
// queue, each counted only where the label says something.
import { describe, expect, it } from 'vitest';
import {
  readLabel,
  scoreLabels,
  type ReasonCode,
  type ReplayResult,
} from '../../../src/core/policy/index.ts';

const handoff = (
  id: string,
  at_turn: number,
  reasons: ReasonCode[],
  queue = 'general',
): ReplayResult => ({
  id,
  handoff: { at_turn, reasons, queue, priority: 50, skills: [], policy_version: 't' },
  fields: {},
  decisions: [],
});
const kept = (id: string): ReplayResult => ({ id, handoff: null, fields: {}, decisions: [] });

describe('scoreLabels', () => {
  it('counts right, false, missed and mistimed handoffs, and reasons and queues', () => {
    const s = scoreLabels([
      {
        result: handoff('a', 2, ['security'], 'trust_safety'),
        label: { handoff: true, at_turn: [2, 2], reasons_any: ['security'], queue: 'trust_safety' },
      },
      {
        result: handoff('b', 4, ['negative_sentiment']),
        label: { handoff: true, at_turn: [0, 2], reasons_any: ['repeated_failure'] },
      },
      { result: handoff('c', 0, ['topic_policy']), label: { handoff: false } },
      { result: kept('d'), label: { handoff: true } },
      { result: kept('e'), label: { handoff: false } },
    ]);
    expect(s).toMatchObject({
      labelled: 5,
      correct: 2,
      falseHandoffs: ['c'],
      missedHandoffs: ['d'],
      mistimed: ['b'],
      reasonChecked: 2,
      reasonRight: 1,
      queueChecked: 1,
      queueRight: 1,
    });
  });

  it('reads only usable labels', () => {
    expect(readLabel(undefined)).toBeNull();
    expect(readLabel({ handoff: 'yes' })).toBeNull();
    expect(readLabel({ handoff: true, at_turn: [1, 'x'], reasons_any: [] })).toEqual({
      handoff: true,
    });
    expect(readLabel({ handoff: false, fields: {} })).toEqual({ handoff: false });
  });
});
