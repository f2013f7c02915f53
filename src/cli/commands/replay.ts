/**
 * `baton replay <file.jsonl> [--policy p.yaml] [--json] [--compare other.yaml]`: what would a
 * policy have done with recorded conversations (../shared/spec/transcripts.md)? Bad lines are
 * reported with their line number, counted, and skipped; they never abort the run.
 */
import { constants, createReadStream, statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  compareReplays,
  formatComparison,
  formatLabelScore,
  formatReplaySummary,
  formatReplayTable,
  getDefaultPolicy,
  readLabel,
  replayTranscript,
  scoreLabels,
  summarizeReplay,
  type HandoffLabel,
  type Policy,
  type ReplayResult,
} from '../../core/policy/index.ts';
import { parseTranscriptLine } from '../../core/transcript/index.ts';
import { loadPolicyOrReport } from './policy.ts';

export interface ReplayCommandOptions {
  policy?: string;
  compare?: string;
  json?: boolean;
}

/** Files above this size get a progress bar (when stderr is a terminal). */
const PROGRESS_MIN_BYTES = 1_000_000;
/** Readable tables list at most this many conversations; the summary covers all. */
const TABLE_MAX_ROWS = 500;

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

function progressBar(file: string): { tick: (bytes: number) => void; stop: () => void } {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // The read below reports the error.
  }
  if (!process.stderr.isTTY || size < PROGRESS_MIN_BYTES) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'replay [{bar}] {percentage}% | {value}/{total} bytes',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0);
  let done = 0;
  return {
    tick: (bytes) => {
      done += bytes;
      bar.update(Math.min(done, size));
    },
    stop: () => bar.stop(),
  };
}

/** Runs the command; returns the exit code (0 ok, 2 when the file or a policy is unusable). */
export async function runReplay(file: string, opts: ReplayCommandOptions): Promise<number> {
  const policy = opts.policy ? await loadPolicyOrReport(opts.policy) : getDefaultPolicy();
  if (!policy) return 2;
  let other: Policy | undefined;
  if (opts.compare) {
    const loaded = await loadPolicyOrReport(opts.compare);
    if (!loaded) return 2;
    other = loaded;
  }
  try {
    await access(file, constants.R_OK);
  } catch (err) {
    process.stderr.write(`baton replay: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const stream = createReadStream(file, { encoding: 'utf8' });
  const progress = progressBar(file);
  const base: ReplayResult[] = [];
  const compared: ReplayResult[] = [];
  // Lines that carry an `expect` label (shared scenarios, `baton export --labels`).
  const labelled: Array<{ label: HandoffLabel; a: ReplayResult; b: ReplayResult | undefined }> = [];
  let badLines = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    progress.tick(Buffer.byteLength(line) + 1);
    if (line.trim() === '') continue;
    const parsed = parseTranscriptLine(line, lineNo);
    if (!parsed.ok) {
      badLines++;
      const at = parsed.error.path ? ` at ${parsed.error.path}` : '';
      process.stderr.write(`${file}:${parsed.error.line}: skipped: ${parsed.error.message}${at}\n`);
      continue;
    }
    const a = replayTranscript(parsed.transcript, policy);
    const b = other ? replayTranscript(parsed.transcript, other) : undefined;
    const label = readLabel((parsed.transcript as { expect?: unknown }).expect);
    if (label) labelled.push({ label, a, b });
    if (opts.json) {
      const out = b
        ? {
            id: a.id,
            changed: JSON.stringify(a.handoff) !== JSON.stringify(b.handoff),
            base: a,
            compare: b,
          }
        : a;
      await write(`${JSON.stringify(out)}\n`);
    }
    // Keep only what the table and summary need when printing JSON.
    base.push(opts.json ? { ...a, decisions: [] } : a);
    if (b) compared.push(opts.json ? { ...b, decisions: [] } : b);
  }
  progress.stop();
  if (opts.json) {
    if (badLines > 0) process.stderr.write(`baton replay: ${badLines} bad line(s) skipped\n`);
    return 0;
  }
  const shown = base.slice(0, TABLE_MAX_ROWS);
  let out = shown.length ? `${formatReplayTable(shown)}\n` : '';
  if (base.length > shown.length) out += `… ${base.length - shown.length} more conversations\n`;
  out += `\n${formatReplaySummary(summarizeReplay(base, badLines), `summary (policy ${policy.version})`)}\n`;
  if (other && opts.compare) {
    out += `\n${formatReplaySummary(summarizeReplay(compared, badLines), `summary (policy ${other.version}, ${basename(opts.compare)})`)}\n`;
    const changes = compareReplays(base, compared);
    out += `\n${changes.length} conversation(s) change their outcome:\n`;
    out += `${formatComparison(changes, opts.policy ? basename(opts.policy) : 'default', basename(opts.compare))}\n`;
  }
  if (labelled.length > 0) {
    const score = (pick: (l: (typeof labelled)[number]) => ReplayResult | undefined) =>
      scoreLabels(
        labelled.flatMap((l) => {
          const result = pick(l);
          return result ? [{ result, label: l.label }] : [];
        }),
      );
    out += `\n${formatLabelScore(
      score((l) => l.a),
      `against the labels (policy ${policy.version})`,
    )}\n`;
    if (other) {
      out += `\n${formatLabelScore(
        score((l) => l.b),
        `against the labels (policy ${other.version})`,
      )}\n`;
    }
  }
  await write(out);
  return 0;
}

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay recorded conversations (baton.transcript/1 JSON Lines) through a policy')
    .argument('<file>', 'transcripts, one JSON object per line')
    .option('--policy <file>', 'policy YAML (default: the built-in policies/default.yaml)')
    .option('--json', 'print one JSON object per conversation on stdout')
    .option('--compare <file>', 'a second policy: show which conversations change their outcome')
    .action(async (file: string, opts: ReplayCommandOptions) => {
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        // `baton replay … | head` closes the pipe early; that is not an error.
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      process.exitCode = await runReplay(file, opts);
    });
}
