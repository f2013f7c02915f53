// How many held-out conversations a model changes against the shipped one, without reading them:
// each conversation of eval/heldout is replayed with both models and only the changes are
// counted, by set, language and what the handoff became (reasons, earlier/later/same turn). No
// text, id or label is printed, so a round can see how far a retrain moves the decisions (a new
// seed alone moves about as many as a new corpus round: docs/escalation.md, "Sixth round")
// before it spends a scoring run. Usage:
//   node bin/run-ts.mjs training/train.ts --out /tmp/m [--corpus dir] [--seed n]
//   node bin/run-ts.mjs eval/outcome-changes.ts --model /tmp/m [--base /tmp/other]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readModelFiles, useModel } from '../src/core/classify/load-model.ts';
import type { LinearModel } from '../src/core/classify/model.ts';
import { getDefaultPolicy, replayTranscript } from '../src/core/policy/index.ts';
import { parseTranscriptLine } from '../src/core/transcript/parse-transcript-line.ts';

interface Outcome {
  set: string;
  language: string;
  at: number | null;
  reasons: string[];
}

const DIR = 'eval/heldout';

/** Every held-out conversation's handoff turn and reasons under `model`. */
export function heldoutOutcomes(model: LinearModel | undefined): Outcome[] {
  useModel(model);
  const policy = getDefaultPolicy();
  const out: Outcome[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(DIR, file), 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, i) => {
      const parsed = parseTranscriptLine(line, i + 1);
      if (!parsed.ok) return;
      const t = parsed.transcript;
      const handoff = replayTranscript(t, policy).handoff;
      out.push({
        set: file.replace(/\.jsonl$/, ''),
        language: (t.language ?? 'en').split('-')[0]!.toLowerCase(),
        at: handoff?.at_turn ?? null,
        reasons: handoff ? [...handoff.reasons].sort() : [],
      });
    });
  }
  useModel(undefined);
  return out;
}

const describe = (o: Outcome) => (o.at === null ? 'no handoff' : o.reasons.join('+'));

function when(now: Outcome, before: Outcome): string {
  if (now.at === before.at) return 'same turn';
  if (now.at === null) return 'no longer';
  return before.at === null || now.at < before.at ? 'earlier' : 'later';
}

/** Counts of changed outcomes, keyed "set language: before -> now (when)". */
export function countChanges(
  now: readonly Outcome[],
  before: readonly Outcome[],
): Map<string, number> {
  const counts = new Map<string, number>();
  now.forEach((o, i) => {
    const b = before[i]!;
    if (o.at === b.at && describe(o) === describe(b)) return;
    const key = `${o.set} ${o.language}: ${describe(b)} -> ${describe(o)} (${when(o, b)})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

const modelAt = (flag: string): LinearModel | undefined => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : readModelFiles(pathToFileURL(`${resolve(process.argv[at + 1]!)}/`));
};

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const before = heldoutOutcomes(modelAt('--base'));
  const now = heldoutOutcomes(modelAt('--model'));
  const changes = countChanges(now, before);
  for (const [key, n] of [...changes].sort()) console.log(`${n} ${key}`);
  const total = [...changes.values()].reduce((a, b) => a + b, 0);
  console.log(`${total} of ${now.length} held-out conversations change (turn or reasons)`);
}
