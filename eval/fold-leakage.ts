// How often cross-validation puts a row and its translation on both sides of a fold. Twins are
// not marked in the corpus, so this counts a sample that can be found mechanically: rows in
// different languages (or language variants) with the same labels and kind that carry the same
// distinctive numbers ("78120", "1.250,00 €" and "1,250.00"; or two numbers at once) found in
// at most six rows. Coincidences remain ("50 chairs", "50 Lizenzen"), so the figure is an upper
// bound on twins split. Printed for folds by text and by group.
// Run: node bin/run-ts.mjs eval/fold-leakage.ts
import { loadCorpus, type LabelledText } from '../training/corpus.ts';
import { foldKey, foldOf } from './cross-validate.ts';

/** Two or more digits, separators dropped: "3,000" and "3.000" are one number. */
function numbers(text: string): string {
  const found = text.match(/\d[\d.,]*\d/g) ?? [];
  return [...new Set(found.map((n) => n.replace(/[.,]/g, '')))].sort().join(' ');
}

function twinPairs(rows: readonly LabelledText[]): Array<[LabelledText, LabelledText]> {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(numbers(r.text), (seen.get(numbers(r.text)) ?? 0) + 1);
  const distinctive = (n: string) => (n.includes(' ') || n.length >= 3) && (seen.get(n) ?? 0) <= 6;
  const byKey = new Map<string, LabelledText[]>();
  for (const r of rows) {
    const n = numbers(r.text);
    if (!distinctive(n) || r.labels === null) continue;
    const key = `${r.source.includes('issue12') ? 'i12' : 'base'}|${r.kind}|${r.labels.join('+')}|${n}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const pairs: Array<[LabelledText, LabelledText]> = [];
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (group[i]!.lang !== group[j]!.lang) pairs.push([group[i]!, group[j]!]);
  }
  return pairs;
}

const { rows } = loadCorpus('training/corpus');
for (const part of ['issue12', 'base']) {
  const pairs = twinPairs(rows).filter(
    ([a]) => a.source.includes('issue12') === (part === 'issue12'),
  );
  for (const grouped of [false, true]) {
    const split = pairs.filter(
      ([a, b]) => foldOf(foldKey(a, grouped), 5) !== foldOf(foldKey(b, grouped), 5),
    ).length;
    console.log(
      `${part} files, folds by ${grouped ? 'group' : 'text '}: ${split}/${pairs.length} number-matched twin pairs split across folds`,
    );
  }
}
