// The shipped classifier (models/escalation-classifier.*) on fresh sentences that are in no
// training set (fixtures/held-out.jsonl, written apart from training/corpus), judged through
// the whole default policy as one-message conversations.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/core/classify/load-model.ts';
import { CLASSIFIER_LABELS, HEADS, scoreText } from '../../../src/core/classify/model.ts';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';

interface Case {
  text: string;
  lang: string;
  expect: string;
}

const cases = readFileSync(new URL('./fixtures/held-out.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Case);
const corpus = (() => {
  try {
    const dir = new URL('../../../training/corpus/', import.meta.url);
    return ['en', 'es', 'de', 'fr', 'pt']
      .map((l) => {
        try {
          return readFileSync(new URL(`${l}.jsonl`, dir), 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n')
      .toLowerCase();
  } catch {
    return '';
  }
})();

const decide = (text: string) =>
  evaluatePolicy({ channel: 'web', turns: [{ from: 'customer', text }] }, getDefaultPolicy());

describe('the shipped classifier', () => {
  it('loads from models/ with one head per label and queue, under 20 MB', () => {
    const model = getModel();
    expect([...model.heads]).toEqual([...HEADS]);
    expect(model.weights.length).toBe(model.dim * HEADS.length);
    const bytes =
      statSync(new URL('../../../models/escalation-classifier.bin', import.meta.url)).size +
      statSync(new URL('../../../models/escalation-classifier.json', import.meta.url)).size;
    expect(bytes).toBeLessThanOrEqual(20 * 1024 * 1024);
  });

  it('gives probabilities in 0..1 for every head, even for empty or odd text', () => {
    for (const text of ['', '???', '🙂🙂', 'a'.repeat(20_000)]) {
      const s = scoreText(getModel(), text);
      for (const l of CLASSIFIER_LABELS) {
        expect(s.labels[l]).toBeGreaterThanOrEqual(0);
        expect(s.labels[l]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('held-out sentences are not in the training corpus', () => {
    for (const c of cases) expect(corpus).not.toContain(c.text.toLowerCase());
  });

  it('decides at least 90% of fresh sentences in five languages as documented', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const d = decide(c.text);
      const ok =
        c.expect === 'keep'
          ? d.action === 'continue'
          : d.action !== 'continue' && d.reasons.some((r) => r.code === c.expect);
      if (!ok)
        wrong.push(
          `${c.lang} ${c.expect}: ${c.text} → ${d.action} ${d.reasons.map((r) => r.code).join(',')}`,
        );
    }
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.lang.slice(0, 2))).size).toBe(5);
    // Listed when it fails, so a regression shows which sentences moved.
    expect(wrong.length / cases.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });
});
