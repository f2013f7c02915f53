// `npm run bench`: runs the benchmarks and prints a table, or JSON Lines with `--json`
// (one figure per line, see ../shared/spec/bench.md). `--only <bench>` picks one bench,
// `--duration <s>` sets the seconds per measured round; `--sockets <n>` and
// `--sockets-per-conversation <k>` size idle_sockets. Progress goes to stderr so that stdout
// stays machine-readable.
import { parseArgs } from 'node:util';
import { runClusterBench } from './cluster.ts';
import { runIdleSocketsBench } from './idle-sockets.ts';
import { runMessagePathBench } from './message-path.ts';
import { runPolicyEvalBench } from './policy-eval.ts';
import { runRoutingBench } from './routing.ts';
import { runTimeToHumanBench } from './time-to-human.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

type Bench = (options: BenchOptions, log: (line: string) => void) => Promise<BenchFigure[]>;

const BENCHES: Record<string, Bench> = {
  message_path: runMessagePathBench,
  policy_eval: (options) => runPolicyEvalBench(options),
  routing: runRoutingBench,
  idle_sockets: runIdleSocketsBench,
  time_to_human: runTimeToHumanBench,
  // Not in the default set: it starts PostgreSQL, HAProxy and four servers (`--only cluster`).
  cluster: runClusterBench,
};
const ON_REQUEST_ONLY = new Set(['cluster']);

const DEFAULT_DURATION_SECONDS = 5;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string' },
    sockets: { type: 'string' },
    'sockets-per-conversation': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    `usage: npm run bench -- [--json] [--only <${Object.keys(BENCHES).join('|')}>] [--duration <seconds>] [--sockets <n>] [--sockets-per-conversation <1-5>]`,
  );
  process.exit(0);
}

const durationSeconds =
  values.duration === undefined ? DEFAULT_DURATION_SECONDS : Number(values.duration);
if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > 3600) {
  console.error(`--duration: expected seconds between 0 and 3600, got "${values.duration}"`);
  process.exit(2);
}
const sockets = values.sockets === undefined ? undefined : Number(values.sockets);
if (sockets !== undefined && !(Number.isInteger(sockets) && sockets > 0 && sockets <= 1_000_000)) {
  console.error(
    `--sockets: expected a whole number between 1 and 1,000,000, got "${values.sockets}"`,
  );
  process.exit(2);
}
const perConversationArg = values['sockets-per-conversation'];
const socketsPerConversation =
  perConversationArg === undefined ? undefined : Number(perConversationArg);
if (
  socketsPerConversation !== undefined &&
  !(
    Number.isInteger(socketsPerConversation) &&
    socketsPerConversation >= 1 &&
    socketsPerConversation <= 5
  )
) {
  // 5: the default limit of open sockets per conversation (docs/security.md, "Limits").
  console.error(`--sockets-per-conversation: expected 1 to 5, got "${perConversationArg}"`);
  process.exit(2);
}
const selected =
  values.only === undefined
    ? Object.keys(BENCHES).filter((name) => !ON_REQUEST_ONLY.has(name))
    : [values.only];
const unknown = selected.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `--only: unknown bench "${unknown.join(', ')}"; known: ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}

const log = (line: string): void => console.error(line);
const figures: BenchFigure[] = [];
let failed = false;
for (const name of selected) {
  const bench = BENCHES[name] as Bench;
  try {
    const result = await bench(
      {
        durationSeconds,
        ...(sockets ? { sockets } : {}),
        ...(socketsPerConversation ? { socketsPerConversation } : {}),
      },
      log,
    );
    figures.push(...result);
    if (values.json) for (const figure of result) console.log(JSON.stringify(figure));
  } catch (error) {
    failed = true;
    console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
  }
}
if (!values.json) console.log(formatTable(figures));
process.exitCode = failed ? 1 : 0;

function formatTable(rows: BenchFigure[]): string {
  const header = ['bench', 'metric', 'value', 'baseline', 'ratio', 'note'];
  const cells = rows.map((f) => [
    f.bench,
    f.metric,
    formatNumber(f.value),
    formatNumber(f.baseline),
    `${f.ratio.toFixed(2)}×`,
    f.note ?? '',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]): string =>
    row
      .map((cell, i) =>
        i >= 2 && i <= 4 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)]
    .join('\n')
    .trimEnd();
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
