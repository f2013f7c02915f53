/**
 * `baton simulate [--hours N] [--seed S] [--json]`: runs the seeded discrete-event simulation of
 * a queue (src/core/sla/simulate) and prints how well the wait estimator did against the wait
 * customers then had, beside a naive "average wait of the last N" predictor from the same run.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  DEFAULT_SIMULATION,
  runSimulation,
  type PredictionScore,
  type SimulationReport,
} from '../../core/sla/index.ts';

export interface SimulateCommandOptions {
  hours: string;
  seed: string;
  json?: boolean;
}

const MAX_HOURS = 24 * 366;

function withProgress(hours: number, seed: number): SimulationReport {
  if (!process.stderr.isTTY) return runSimulation({ hours, seed });
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'simulate [{bar}] {percentage}% | {value}/{total} simulated minutes',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(hours * 60, 0);
  try {
    return runSimulation({ hours, seed }, (done) => bar.update(Math.round(done)));
  } finally {
    bar.stop();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function scoreLines(name: string, s: PredictionScore): string {
  return `${name.padEnd(22)} ${pct(s.medianAbsRelError).padStart(9)}  ${pct(s.coverage).padStart(8)}  ${s.meanBandWidthMinutes.toFixed(1).padStart(6)} min`;
}

function formatReport(r: SimulationReport): string {
  return [
    `simulated ${r.hours} h (seed ${r.seed}): ${r.arrivals} arrivals, ${r.served} served, ${r.abandoned} abandoned`,
    `${r.capturedWhileClosed} captured while closed, ${r.deferredAtClose} deferred at closing; median wait ${r.medianWaitMinutes.toFixed(1)} min`,
    `${r.estimator.samples} customers who had to wait were given an estimate:`,
    '',
    `${'predictor'.padEnd(22)} ${'error'.padStart(9)}  ${'coverage'.padStart(8)}  ${'band'.padStart(10)}`,
    scoreLines('queue-length estimator', r.estimator),
    scoreLines(`naive (last ${DEFAULT_SIMULATION.naiveWindow} waits)`, r.naive),
    '',
    'error: median |predicted − actual| / max(actual, 1 min); coverage: actual wait inside the band shown.',
  ].join('\n');
}

/** Runs the command; returns the exit code (0, or 2 for bad options). */
export function runSimulate(opts: SimulateCommandOptions): number {
  const hours = Number(opts.hours);
  const seed = Number(opts.seed);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
    process.stderr.write(
      `--hours: expected a number of hours in (0, ${MAX_HOURS}], got "${opts.hours}"\n`,
    );
    return 2;
  }
  if (!Number.isSafeInteger(seed)) {
    process.stderr.write(`--seed: expected an integer, got "${opts.seed}"\n`);
    return 2;
  }
  const report = withProgress(hours, seed);
  process.stdout.write(
    opts.json === true ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`,
  );
  return 0;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('simulate a queue and measure the wait estimate against a naive predictor')
    .option('--hours <n>', 'simulated hours', String(DEFAULT_SIMULATION.hours))
    .option('--seed <s>', 'random seed (same seed, same run)', String(DEFAULT_SIMULATION.seed))
    .option('--json', 'print the report as one JSON object')
    .action((opts: SimulateCommandOptions) => {
      process.exitCode = runSimulate(opts);
    });
}
