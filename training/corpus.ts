// Reads our own multilingual corpus (training/corpus/*.jsonl). The files are appended to while
// people write them, so a line that does not parse (typically a half-written last line) is
// reported and skipped, never fatal.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLASSIFIER_LABELS,
  CLASSIFIER_QUEUES,
  type ClassifierLabel,
  type ClassifierQueue,
} from '../src/core/classify/model.ts';

export interface LabelledText {
  text: string;
  /** null: unscored for the labels (masked in training). */
  labels: ClassifierLabel[] | null;
  /** undefined: unknown (masked); null: no topic. */
  queue: ClassifierQueue | null | undefined;
  source: string;
  lang: string;
  kind: string;
  /** Rows that are translations or variants of one another share it (one CV fold); else unset. */
  group?: string;
  /** Heads this row teaches nothing about (masked in training), whatever `labels` says. */
  unscored?: readonly ClassifierLabel[];
}

export interface CorpusProblem {
  file: string;
  line: number;
  message: string;
}

const LABEL_SET: ReadonlySet<string> = new Set(CLASSIFIER_LABELS);
const QUEUE_SET: ReadonlySet<string> = new Set(CLASSIFIER_QUEUES);

function parseLine(line: string, file: string): LabelledText | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const r = raw as {
    text?: unknown;
    lang?: unknown;
    labels?: unknown;
    queue?: unknown;
    kind?: unknown;
    group?: unknown;
  };
  if (typeof r.text !== 'string' || r.text.trim() === '') return 'no text';
  if (!Array.isArray(r.labels) || !r.labels.every((l) => typeof l === 'string' && LABEL_SET.has(l)))
    return `labels must be a subset of ${CLASSIFIER_LABELS.join(', ')}`;
  const queue = r.queue === undefined ? null : r.queue;
  if (queue !== null && !(typeof queue === 'string' && QUEUE_SET.has(queue)))
    return `unknown queue ${JSON.stringify(r.queue)}`;
  return {
    text: r.text,
    labels: r.labels as ClassifierLabel[],
    queue: queue as ClassifierQueue | null,
    source: `corpus:${file}`,
    lang: typeof r.lang === 'string' ? r.lang : file.replace(/\.jsonl$/, ''),
    kind: typeof r.kind === 'string' ? r.kind : '',
    ...(typeof r.group === 'string' && r.group !== '' ? { group: r.group } : {}),
  };
}

/** Every well-formed row of dir/*.jsonl (sorted by file name) and the lines skipped. */
export function loadCorpus(dir: string): { rows: LabelledText[]; problems: CorpusProblem[] } {
  const rows: LabelledText[] = [];
  const problems: CorpusProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return { rows, problems: [{ file: dir, line: 0, message: 'no corpus directory' }] };
  }
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = parseLine(line, file);
      if (typeof parsed === 'string') problems.push({ file, line: i + 1, message: parsed });
      else rows.push(parsed);
    });
  }
  return { rows, problems };
}
