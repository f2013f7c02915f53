// The idle_sockets bench: how many idle widget (customer) sockets one Baton node holds, and
// what each costs in memory. Baton runs as a child process on embedded SQLite; conversations
// are started through the HTTP API (5 sockets on each by default, see below), then their
// customer streams are opened in steps by socket-holder processes. At each step, after a full
// garbage collection: the server's RSS and heap, every socket pinged, a frame round trip on a
// sample, and GET /healthz latency. Baseline: a bare `ws` server (bench/idle-ws-server.ts)
// holding as many sockets. The method and its choices: docs/bench.md, `idle_sockets`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startConversation } from '../test/helpers/api-client.ts';
import { freePort } from '../test/helpers/cluster/free-port.ts';
import {
  openFileCount,
  openFileLimit,
  residentBytes,
  startServerChild,
  stopChild,
  type ServerChild,
} from './server-process.ts';
import { Inspector } from './inspector.ts';
import { SocketHolder, type SocketTarget } from './socket-holder-client.ts';
import { bytesPerSocket, percentile, round2 } from './stats.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

export const DEFAULT_IDLE_SOCKETS = 20_000;
/**
 * Customer sockets per conversation token, as a visitor with the widget open in several tabs
 * has: the default limit (`limits.socketsPerConversation`, docs/security.md) allows 5. One
 * per conversation is the more common case but starting 20,000 conversations takes 40–100 s
 * here; what a socket costs is the same either way (docs/bench.md, `idle_sockets`).
 */
export const DEFAULT_SOCKETS_PER_CONVERSATION = 5;
/** The steps, as shares of the largest: 20,000 → 2,000, 5,000, 10,000, 20,000. */
const STEP_SHARES = [0.1, 0.25, 0.5, 1];
/** Sockets per holder process, well under a process's usual hard limit (often 20,000+). */
const PER_HOLDER = 10_000;
/** File descriptors left to the server beyond its sockets: health checks, SQLite, logs. */
const SERVER_FD_HEADROOM = 64;
const HEALTH_SAMPLES = 200;
const ROUND_TRIP_SAMPLE = 100;
/** After each step, before reading RSS: the last upgrades' garbage has a moment to go. */
const SETTLE_MS = 1000;
const CREATE_CONCURRENCY = 16;
const OPEN_CONCURRENCY = 64;
/** A frame no server accepts: Baton answers VALIDATION_FAILED, the bare server an error. */
const PROBE_FRAME = JSON.stringify({ type: 'bench_probe' });

interface Step {
  sockets: number;
  rss: number;
  /** V8 heap in use after a full collection. */
  heap: number;
  openFiles: number;
  healthMs: number[];
  alive: number;
  answered: number;
}

interface TargetRun {
  atZero: Step;
  steps: Step[];
  fileLimit: number;
}

/** Runs the bench; `log` gets progress lines (stderr in `npm run bench`). */
export async function runIdleSocketsBench(
  options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchFigure[]> {
  const asked = options.sockets ?? DEFAULT_IDLE_SOCKETS;
  const perConversation = options.socketsPerConversation ?? DEFAULT_SOCKETS_PER_CONVERSATION;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'baton-bench-idle-'));
  let baton: ServerChild | undefined;
  try {
    baton = await startServer('baton', dataDir);
    const fileLimit = await openFileLimit(baton.child.pid);
    const free = fileLimit - (await openFileCount(baton.child.pid)) - SERVER_FD_HEADROOM;
    // Off Linux there is no /proc to read the limit from: the sockets asked for are tried.
    const cap = Number.isFinite(free) ? free : asked;
    const counts = [...new Set(stepCounts(asked).map((n) => Math.min(n, cap)))];
    log(
      `idle_sockets: open-file limit ${fileLimit}; steps ${counts.join(', ')}` +
        ((counts.at(-1) ?? 0) < asked ? ` (asked ${asked}; capped by the limit)` : ''),
    );
    // Baton's conversations are started while the baseline runs: only the memory of the
    // baseline is compared, and memory does not mind sharing the CPU.
    const creating = batonSockets(baton, counts.at(-1) ?? 0, perConversation, log);
    creating.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const baselineServer = await startServer('baseline', dataDir);
    let baseline: TargetRun;
    try {
      const targets = baselineSockets(baselineServer, counts.at(-1) ?? 0);
      baseline = await runSteps('baseline', baselineServer, counts, targets, fileLimit, log);
    } finally {
      await stopChild(baselineServer.child);
    }
    const batonRun = await runSteps('baton', baton, counts, await creating, fileLimit, log);
    return figures(asked, perConversation, batonRun, baseline);
  } finally {
    if (baton) await stopChild(baton.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Opens the sockets step by step in holder processes, measuring the server at each step. */
async function runSteps(
  name: 'baton' | 'baseline',
  server: ServerChild,
  counts: number[],
  targets: SocketTarget[],
  fileLimit: number,
  log: (line: string) => void,
): Promise<TargetRun> {
  const holders: SocketHolder[] = [];
  const inspector = await Inspector.connect(server.stderr);
  try {
    await sleep(SETTLE_MS);
    const atZero = await measure(server, inspector, 0, [], log, name);
    const steps: Step[] = [];
    let opened = 0;
    for (const count of counts) {
      // Fill holder after holder, each well under its own open-file limit.
      while (opened < count) {
        const index = Math.floor(opened / PER_HOLDER);
        holders[index] ??= SocketHolder.start();
        const upTo = Math.min(count, (index + 1) * PER_HOLDER);
        const started = performance.now();
        const result = await (holders[index] as SocketHolder).send(
          { type: 'open', targets: targets.slice(opened, upTo), concurrency: OPEN_CONCURRENCY },
          'opened',
        );
        const seconds = (performance.now() - started) / 1000;
        log(
          `idle_sockets: ${name}: opened ${result.opened} in ${seconds.toFixed(1)} s` +
            (result.failed > 0 ? `, ${result.failed} failed (${result.firstError})` : ''),
        );
        if (result.failed > 0) {
          throw new Error(`${name}: ${result.failed} sockets refused: ${result.firstError}`);
        }
        opened = upTo;
      }
      await sleep(SETTLE_MS);
      steps.push(await measure(server, inspector, count, holders, log, name));
    }
    return { atZero, steps, fileLimit };
  } finally {
    inspector.close();
    for (const holder of holders) await holder.stop();
  }
}

/** The step counts asked for: 2,000, 5,000, 10,000, 20,000 for 20,000. */
function stepCounts(largest: number): number[] {
  return [...new Set(STEP_SHARES.map((share) => Math.round(largest * share)))].filter((n) => n > 0);
}

async function startServer(name: 'baton' | 'baseline', dataDir: string): Promise<ServerChild> {
  const port = await freePort();
  // The inspector (on a port of its own choosing) lets the bench collect garbage before reading.
  const inspect = ['--inspect=127.0.0.1:0'];
  if (name === 'baseline') {
    return startServerChild(['bin/run-ts.mjs', 'bench/idle-ws-server.ts'], {}, port, inspect);
  }
  return startServerChild(
    ['bin/baton.mjs', 'serve'],
    {
      BATON_DATA_DIR: path.join(dataDir, 'baton'),
      LOG_LEVEL: 'warn',
      // One address (the bench's) starts every conversation and opens every socket.
      BATON_RATE_LIMIT_PER_MINUTE: '10000000',
      BATON_SOCKETS_PER_IP: '10000000',
    },
    port,
    inspect,
  );
}

function streamUrl(server: ServerChild, id: string, query: string): string {
  return `${server.wsUrl}/api/v1/conversations/${id}/stream?${query}`;
}

/** The bare server takes any path and token. */
function baselineSockets(server: ServerChild, count: number): SocketTarget[] {
  return Array.from({ length: count }, (_, i) => ({
    url: streamUrl(server, `c_idle_${i}`, 'since=0'),
    token: 'bench',
  }));
}

/**
 * Conversations started through the HTTP API as the widget starts them, `perConversation`
 * sockets on each (side by side in the list, as one visitor's tabs); `since` is the
 * conversation's last event, so a socket opens without catch-up.
 */
async function batonSockets(
  server: ServerChild,
  count: number,
  perConversation: number,
  log: (line: string) => void,
): Promise<SocketTarget[]> {
  const started = performance.now();
  const conversations = Math.ceil(count / perConversation);
  const targets: SocketTarget[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < conversations) {
      next += 1;
      const c = await startConversation(server.baseUrl, { channel: 'web' });
      const since = Math.max(0, ...(c.events as { seq: number }[]).map((e) => e.seq));
      const target = { url: streamUrl(server, c.id, `since=${since}`), token: c.token };
      for (let k = 0; k < perConversation; k += 1) targets.push(target);
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  log(
    `idle_sockets: baton: ${conversations} conversations started in ${seconds.toFixed(1)} s (${(conversations / seconds).toFixed(0)}/s), ${perConversation} socket(s) each`,
  );
  return targets.slice(0, count);
}

async function measure(
  server: ServerChild,
  inspector: Inspector,
  sockets: number,
  holders: SocketHolder[],
  log: (line: string) => void,
  name: string,
): Promise<Step> {
  // RSS after the collection: V8 gives back some of what it freed, so both readings are
  // taken from a heap without garbage in it, and the difference is the sockets' own.
  const heap = await inspector.heapUsedAfterGc();
  const rss = await residentBytes(server.child.pid);
  const openFiles = await openFileCount(server.child.pid);
  const healthMs = await healthLatencies(server.baseUrl, HEALTH_SAMPLES);
  let alive = 0;
  let answered = 0;
  for (const holder of holders) {
    alive += (await holder.send({ type: 'ping', timeoutMs: 10_000 }, 'pinged')).alive;
    const share = Math.ceil(ROUND_TRIP_SAMPLE / holders.length);
    const trip = await holder.send(
      {
        type: 'roundTrip',
        sample: share,
        frame: PROBE_FRAME,
        answerContains: '"type":"error"',
        timeoutMs: 10_000,
      },
      'roundTripped',
    );
    answered += trip.answered;
    if (trip.unanswered > 0) log(`idle_sockets: ${name}: ${trip.unanswered} probes unanswered`);
  }
  const sampled =
    holders.length === 0 ? 0 : Math.ceil(ROUND_TRIP_SAMPLE / holders.length) * holders.length;
  log(
    `idle_sockets: ${name}: ${sockets} sockets, ${alive} answer a ping, ${answered}/${sampled} a frame; ` +
      `RSS ${(rss / 2 ** 20).toFixed(1)} MiB, heap ${(heap / 2 ** 20).toFixed(1)} MiB, ${openFiles} open files; ` +
      `healthz p50 ${percentile(healthMs, 50).toFixed(2)} ms, p99 ${percentile(healthMs, 99).toFixed(2)} ms`,
  );
  return { sockets, rss, heap, openFiles, healthMs, alive, answered };
}

/** Sequential GET /healthz, each timed from request to the end of the body. */
async function healthLatencies(baseUrl: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/healthz`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET /healthz: ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function figures(
  asked: number,
  perConversation: number,
  baton: TargetRun,
  baseline: TargetRun,
): BenchFigure[] {
  const out: BenchFigure[] = [];
  const top = baton.steps.at(-1);
  const baseTop = baseline.steps.at(-1);
  if (!top || !baseTop) return out;
  const figure = (metric: string, value: number, base: number, note: string): BenchFigure => ({
    bench: 'idle_sockets',
    metric,
    value: round2(value),
    baseline: round2(base),
    ratio: round2(value / base),
    note,
  });
  const capped =
    top.sockets < asked
      ? `; asked ${asked}, capped by the server's open-file limit (${baton.fileLimit})`
      : '';
  const sampled = ROUND_TRIP_SAMPLE;
  out.push(
    figure(
      'sockets_alive',
      top.alive,
      baseTop.alive,
      `of ${top.sockets} open (${perConversation} per conversation), answering a ping; ${top.answered} of ~${sampled} sampled answered a frame${capped}`,
    ),
  );
  const names = stepCounts(asked);
  baton.steps.forEach((step, i) => {
    const base = baseline.steps[i];
    if (!base) return;
    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    out.push(
      figure(
        `bytes_per_socket_${names[i] ?? step.sockets}`,
        bytesPerSocket(baton.atZero.rss, step.rss, step.sockets),
        bytesPerSocket(baseline.atZero.rss, base.rss, base.sockets),
        `N = ${step.sockets}; (RSS at N − RSS at 0) / N; Baton RSS ${mib(baton.atZero.rss)} → ${mib(step.rss)} MiB, bare ws ${mib(baseline.atZero.rss)} → ${mib(base.rss)} MiB`,
      ),
    );
  });
  const baseAtTop = baseline.steps.at(-1) as Step;
  out.push(
    figure(
      'heap_bytes_per_socket',
      bytesPerSocket(baton.atZero.heap, top.heap, top.sockets),
      bytesPerSocket(baseline.atZero.heap, baseAtTop.heap, baseAtTop.sockets),
      `N = ${top.sockets}; V8 heap in use after a full collection (through the inspector), growth / N`,
    ),
  );
  const health = `GET /healthz ×${HEALTH_SAMPLES}, sequential, with ${top.sockets} idle sockets open; baseline: Baton with none`;
  out.push(
    figure(
      'healthz_p50_ms',
      percentile(top.healthMs, 50),
      percentile(baton.atZero.healthMs, 50),
      health,
    ),
    figure(
      'healthz_p99_ms',
      percentile(top.healthMs, 99),
      percentile(baton.atZero.healthMs, 99),
      health,
    ),
  );
  return out;
}
