// The threshold re-pick that eval/cross-validate-options.ts --repick applies: per head, the lowest
// grid threshold (0.5–0.9) whose cross-validated precision reaches the target, none if no
// threshold does.
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_LABELS, type ClassifierLabel } from '../../../src/core/classify/model.ts';
import { gridPicks, thresholdGrid, type ScoredRow } from '../../../eval/classifier-tables.ts';

function row(labels: ClassifierLabel[], scores: Partial<Record<ClassifierLabel, number>>) {
  const all = Object.fromEntries(CLASSIFIER_LABELS.map((l) => [l, scores[l] ?? 0]));
  return { labels, queue: null, scores: { labels: all, queues: {} } } as unknown as ScoredRow;
}

// explicit_request: positives at 0.95 and 0.62; decoys at 0.58 and 0.52, so precision is 0.5 at
// 0.5, 0.67 at 0.55 and 1 from 0.6 on. security: a decoy at 0.99 keeps precision below 0.9.
const rows = [
  row(['explicit_request'], { explicit_request: 0.95 }),
  row(['explicit_request'], { explicit_request: 0.62 }),
  row([], { explicit_request: 0.58 }),
  row([], { explicit_request: 0.52 }),
  row(['security'], { security: 0.97 }),
  row([], { security: 0.99 }),
  row(['approval_required'], { approval_required: 0.8 }),
];

describe('threshold grid picks', () => {
  it('picks the lowest threshold with precision ≥ 0.9, and none where none reaches it', () => {
    const picks = gridPicks(rows);
    expect(picks.explicit_request).toBe(0.6);
    expect(picks.security).toBeNull();
    expect(picks.approval_required).toBe(0.5);
    expect(gridPicks(rows, 0.6).explicit_request).toBe(0.55);
  });

  it('prints the same pick in the grid the eval shows', () => {
    const grid = thresholdGrid(rows);
    expect(grid).toMatch(/explicit_request\s+pick 0\.6\s/);
    expect(grid).toMatch(/security\s+pick none/);
  });
});
