// Gives every corpus row of the *-issue12.jsonl files a `group`: rows that are translations or
// regional variants of one another share it, so cross-validation keeps them in one fold (a
// model that saw the German row would otherwise "predict" its French twin). The files carry no
// link between twins, so it is recovered from how they were written: each batch was added to
// all five files in one commit, in the same order, with the same `kind` and labels. A group is
// one slice of such a batch (commit × kind × labels), cut by relative position into slices of
// at least four rows in the language with the fewest, so twins land in one slice unless they
// sit astride a cut. Deterministic (git blame + arithmetic); rows that already have a group keep
// it, so rows written later carry theirs by hand. Run once after adding rows without a group:
//   node bin/run-ts.mjs training/assign-groups.ts [--dir training/corpus]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_SLICE = 8;

const at = process.argv.indexOf('--dir');
const dir = at >= 0 ? process.argv[at + 1]! : 'training/corpus';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

interface Row {
  file: string;
  line: number;
  raw: Record<string, unknown>;
  bucket: string;
}

/** The commit that last touched each line (uncommitted lines share the all-zero commit). */
function blameCommits(path: string): string[] {
  const out = execFileSync('git', ['blame', '--line-porcelain', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return out
    .split('\n')
    .filter((l) => /^[0-9a-f]{40} \d+ \d+/.test(l))
    .map((l) => l.slice(0, 7));
}

const rows: Row[] = [];
for (const file of files) {
  const path = join(dir, file);
  const commits = blameCommits(path);
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const raw = JSON.parse(text) as Record<string, unknown>;
      const labels = (raw.labels as string[]).join('+') || 'none';
      rows.push({ file, line: i, raw, bucket: `${commits[i]}/${String(raw.kind)}/${labels}` });
    });
}

// Per bucket and file: the file's rows in order; slices = what the sparsest file allows.
const byBucket = new Map<string, Map<string, Row[]>>();
for (const r of rows) {
  const perFile = byBucket.get(r.bucket) ?? new Map<string, Row[]>();
  perFile.set(r.file, [...(perFile.get(r.file) ?? []), r]);
  byBucket.set(r.bucket, perFile);
}
let assigned = 0;
for (const [bucket, perFile] of byBucket) {
  const fewest = Math.min(...[...perFile.values()].map((rs) => rs.length));
  const slices = Math.max(1, Math.floor(fewest / MIN_SLICE));
  for (const rs of perFile.values()) {
    rs.forEach((r, i) => {
      if (typeof r.raw.group === 'string') return;
      r.raw.group = `${bucket}/${Math.floor((i * slices) / rs.length)}`;
      assigned++;
    });
  }
}

// Written back in the files' own style (`", "` and `": "` separators, UTF-8 unescaped).
const show = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(show).join(', ')}]` : JSON.stringify(v);
for (const file of files) {
  const lines = rows
    .filter((r) => r.file === file)
    .map(
      (r) =>
        `{${Object.entries(r.raw)
          .map(([k, v]) => `${JSON.stringify(k)}: ${show(v)}`)
          .join(', ')}}`,
    );
  writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
}
console.log(`${assigned} rows given a group, ${byBucket.size} batches in ${files.length} files`);
