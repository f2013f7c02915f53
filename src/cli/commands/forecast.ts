/**
 * `baton forecast [--from] [--to] [--target 0.8] [--within 60] [--concurrency N] [--csv|--json]`:
 * the staffing forecast from the stored event log (the same report as
 * GET /api/v1/analytics/forecast), printed as a week grid of the agents needed per UTC hour.
 */
import type { Command } from 'commander';
import {
  FORECAST_DEFAULT_DAYS,
  staffingForecastReport,
  type ForecastReport,
} from '../../app/metrics/staffing-forecast-report.ts';
import { DAY_NAMES, DEFAULT_TARGET, forecastCsv } from '../../core/metrics/forecast/index.ts';
import { withStore } from '../with-store.ts';

export interface ForecastCommandOptions {
  from?: string;
  to?: string;
  target: string;
  within: string;
  concurrency?: string;
  csv?: boolean;
  json?: boolean;
}

const DAY_MS = 86_400_000;

interface ParsedOptions {
  from: Date;
  to: Date;
  share: number;
  within: number;
  concurrency: number | undefined;
}

/** The options as numbers and dates, or the message for the first bad one. */
export function parseForecastOptions(o: ForecastCommandOptions, now: Date): ParsedOptions | string {
  const to = o.to === undefined ? now : new Date(o.to);
  if (Number.isNaN(to.getTime())) return `--to: expected an ISO date, got "${o.to}"`;
  const from =
    o.from === undefined
      ? new Date(to.getTime() - FORECAST_DEFAULT_DAYS * DAY_MS)
      : new Date(o.from);
  if (Number.isNaN(from.getTime())) return `--from: expected an ISO date, got "${o.from}"`;
  if (from >= to) return '--from must be before --to';
  const share = Number(o.target);
  if (!(share > 0 && share < 1))
    return `--target: expected a share between 0 and 1, got "${o.target}"`;
  const within = Number(o.within);
  if (!Number.isFinite(within) || within <= 0)
    return `--within: expected seconds above 0, got "${o.within}"`;
  const concurrency = o.concurrency === undefined ? undefined : Number(o.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))
    return `--concurrency: expected a whole number from 1, got "${o.concurrency}"`;
  return { from, to, share, within, concurrency };
}

const minutes = (seconds: number | null) =>
  seconds === null ? 'not measured' : `${(seconds / 60).toFixed(1)} min`;

/** The week as a grid: a row per UTC hour, a column per day; "-" where there is no data. */
export function formatForecast(r: ForecastReport): string {
  const f = r.forecast;
  const model =
    f.model === 'erlang-a'
      ? `Erlang A, customers' patience ${minutes(f.patienceSeconds)}`
      : 'Erlang C (nobody gave up in the range, so patience was not measured)';
  const perAgent =
    r.concurrencyFrom === 'team'
      ? "the team's median capacity"
      : r.concurrencyFrom === 'query'
        ? 'as asked'
        : 'no team';
  const lines = [
    `Staffing forecast from ${r.from} to ${r.to}: ${r.conversationsRead} conversations read${r.truncated ? ' (the limit: later ones were not read)' : ''}.`,
    `Target: ${Math.round(f.target.share * 1000) / 10} % answered within ${f.target.withinSeconds} s. ${model}; handle time ${minutes(f.handleSeconds)}; ${f.concurrency} conversation${f.concurrency === 1 ? '' : 's'} per agent (${perAgent}).`,
    '',
    'Agents needed per hour (UTC). "-": no data; "*": fewer agents were at work than needed.',
    `hour ${DAY_NAMES.map((d) => d.padStart(5)).join('')}`,
  ];
  for (let hour = 0; hour < 24; hour++) {
    const cells = DAY_NAMES.map((_, day) => {
      const h = f.hours[day * 24 + hour]!;
      if (h.agentsNeeded === null) return '-'.padStart(5);
      const short = h.agentsAtWork !== null && h.agentsAtWork < h.agentsNeeded ? '*' : ' ';
      return `${h.agentsNeeded}${short}`.padStart(5);
    });
    lines.push(`${String(hour).padStart(2, '0')}:00${cells.join('')}`);
  }
  return lines.join('\n');
}

export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description('agents needed per hour of the week for a service-level target (Erlang A)')
    .option(
      '--from <date>',
      `start of the history (default: ${FORECAST_DEFAULT_DAYS} days before --to)`,
    )
    .option('--to <date>', 'end of the history (default: now)')
    .option('--target <share>', 'share of customers answered in time', String(DEFAULT_TARGET.share))
    .option(
      '--within <seconds>',
      'answered within this many seconds',
      String(DEFAULT_TARGET.withinSeconds),
    )
    .option(
      '--concurrency <n>',
      "conversations per agent at once (default: the team's median capacity)",
    )
    .option('--csv', 'print one CSV row per hour of the week')
    .option('--json', 'print the report as one JSON object')
    .action(async (options: ForecastCommandOptions) => {
      const parsed = parseForecastOptions(options, new Date());
      if (typeof parsed === 'string') {
        process.stderr.write(`baton forecast: ${parsed}\n`);
        process.exitCode = 2;
        return;
      }
      await withStore('forecast', async (store) => {
        const report = await staffingForecastReport(
          {
            logsBetween: (from, until, max) => store.reads.logsBetween(from, until, max),
            agents: () => store.agents.list(),
          },
          {
            from: parsed.from,
            to: parsed.to,
            target: { share: parsed.share, withinSeconds: parsed.within },
            concurrency: parsed.concurrency,
          },
        );
        process.stdout.write(
          options.csv
            ? forecastCsv(report.forecast)
            : options.json
              ? `${JSON.stringify(report)}\n`
              : `${formatForecast(report)}\n`,
        );
      });
    });
}
