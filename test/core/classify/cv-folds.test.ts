// Cross-validation keeps a row and its translations in one fold (they share a `group`), so a
// model is never scored on the twin of a row it was trained on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldKey, foldOf } from '../../../eval/cross-validate.ts';
import { loadCorpus } from '../../../training/corpus.ts';

const twins = Array.from({ length: 40 }, (_, i) => [
  { text: `I need the limit raised, case ${i}`, group: `story-${i}` },
  { text: `Necesito que suban el límite, caso ${i}`, group: `story-${i}` },
]);

describe('cross-validation folds', () => {
  it('puts rows of one group in one fold, whatever their text', () => {
    for (const [a, b] of twins) expect(foldOf(foldKey(a!), 5)).toBe(foldOf(foldKey(b!), 5));
  });

  it('splits twins across folds when folding by text alone (the old way)', () => {
    const split = twins.filter(
      ([a, b]) => foldOf(foldKey(a!, false), 5) !== foldOf(foldKey(b!, false), 5),
    );
    expect(split.length).toBeGreaterThan(0);
  });

  it('falls back to the text for rows without a group', () => {
    expect(foldKey({ text: 'opening hours?' })).toBe('opening hours?');
  });

  it('reads the group of a corpus row, and every shipped corpus row has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-corpus-'));
    try {
      writeFileSync(
        join(dir, 'en.jsonl'),
        '{"text":"raise my limit","lang":"en","labels":["approval_required"],"queue":"billing","kind":"k","group":"g1"}\n',
      );
      expect(loadCorpus(dir).rows[0]?.group).toBe('g1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const shipped = loadCorpus(new URL('../../../training/corpus/', import.meta.url).pathname);
    expect(shipped.rows.length).toBeGreaterThan(9000);
    expect(shipped.rows.filter((r) => r.group === undefined).map((r) => r.text)).toEqual([]);
  });
});
