// The message-path bench: customer message over WebSocket → persisted → delivered to a
// connected agent socket, with 50 handed-over, claimed conversations (so the bot stays
// silent). Baton and the baseline (bench/relay-baseline-server.ts) each run in their own
// child process under the same client load; rounds alternate between them and the medians
// are compared. Everything stays on 127.0.0.1 and every loop is bounded in time.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import type { BenchFigure, BenchOptions } from './types.ts';

// Claims never exceed an agent's capacity (at most 50), and one agent serves them all.
const CONVERSATIONS = 50;
const PACED_RATE = 500; // messages per second, across all conversations
const WINDOW = 4; // unpaced: messages in flight per conversation
const ROUNDS = 3;
const DRAIN_MS = 3000;
// A pause before each run, so the other server's leftovers (GC, WAL checkpoint) settle.
const SETTLE_MS = 500;
const ROOT = path.resolve(import.meta.dirname, '..');

interface Target {
  name: 'baseline' | 'baton';
  url: string;
  child: ChildProcess;
  agent: WebSocket;
  customers: { id: string; socket: WebSocket }[];
}

interface LoadResult {
  latenciesMs: number[];
  delivered: number;
  lost: number;
  errors: number;
  seconds: number;
  /** CPU time the server process used during the run (user + system), ms; NaN off Linux. */
  serverCpuMs: number;
}

/** Runs the bench; `log` gets progress lines (stderr in `npm run bench`). */
export async function runMessagePathBench(
  options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchFigure[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'baton-bench-'));
  const targets: Target[] = [];
  try {
    for (const name of ['baseline', 'baton'] as const) {
      log(`message_path: starting ${name}`);
      targets.push(await startTarget(name, path.join(dataDir, name)));
      // Warm-up, not measured: JIT, caches, WAL file growth.
      await runLoad(targets.at(-1) as Target, 'paced', 2, `w${name}`);
      await runLoad(targets.at(-1) as Target, 'unpaced', 1, `x${name}`);
    }
    const runs = new Map<string, { paced: LoadResult[]; unpaced: LoadResult[] }>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of round % 2 === 1 ? targets : [...targets].reverse()) {
        const paced = await runLoad(target, 'paced', options.durationSeconds, `p${round}`);
        const unpaced = await runLoad(target, 'unpaced', options.durationSeconds, `u${round}`);
        const entry = runs.get(target.name) ?? { paced: [], unpaced: [] };
        entry.paced.push(paced);
        entry.unpaced.push(unpaced);
        runs.set(target.name, entry);
        log(
          `message_path: round ${round} ${target.name}: p50 ${percentile(paced.latenciesMs, 50).toFixed(2)} ms, ` +
            `p99 ${percentile(paced.latenciesMs, 99).toFixed(2)} ms, ` +
            `${(unpaced.delivered / unpaced.seconds).toFixed(0)} msg/s, lost ${paced.lost + unpaced.lost}, errors ${paced.errors + unpaced.errors}`,
        );
      }
    }
    return figures(runs.get('baton'), runs.get('baseline'));
  } finally {
    for (const target of targets) await stopTarget(target);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function figures(
  baton: { paced: LoadResult[]; unpaced: LoadResult[] } | undefined,
  baseline: { paced: LoadResult[]; unpaced: LoadResult[] } | undefined,
): BenchFigure[] {
  if (!baton || !baseline) return [];
  const note = `${CONVERSATIONS} conversations, ${PACED_RATE} msg/s, median of ${ROUNDS} rounds`;
  const figure = (metric: string, pick: (r: LoadResult) => number, runs: 'paced' | 'unpaced') => {
    const value = round2(median(baton[runs].map(pick)));
    const base = round2(median(baseline[runs].map(pick)));
    return { bench: 'message_path', metric, value, baseline: base, ratio: round2(value / base) };
  };
  const lost = [...baton.paced, ...baton.unpaced].reduce((n, r) => n + r.lost + r.errors, 0);
  const cpu = figure('cpu_us_per_msg', (r) => (1000 * r.serverCpuMs) / r.delivered, 'paced');
  return [
    { ...figure('p50_ms', (r) => percentile(r.latenciesMs, 50), 'paced'), note },
    { ...figure('p99_ms', (r) => percentile(r.latenciesMs, 99), 'paced'), note },
    {
      ...figure('throughput_msgs_per_s', (r) => r.delivered / r.seconds, 'unpaced'),
      note: `${CONVERSATIONS} conversations, ${WINDOW} in flight each, unpaced${lost > 0 ? `; Baton lost or refused ${lost} messages` : ''}`,
    },
    // Lower is better: the server's CPU per delivered message at 500 msg/s.
    ...(Number.isNaN(cpu.value) ? [] : [{ ...cpu, note: `${note}; server CPU (user+system)` }]),
  ];
}

/** One measured run: paced at PACED_RATE, or closed-loop with WINDOW messages in flight. */
async function runLoad(
  target: Target,
  mode: 'paced' | 'unpaced',
  seconds: number,
  tag: string,
): Promise<LoadResult> {
  await sleep(SETTLE_MS);
  const sentAt = new Map<string, { at: number; index: number }>();
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let delivered = 0;
  let measuring = true;
  const send = (index: number): void => {
    const customer = target.customers[index];
    if (!customer) return;
    const clientMessageId = `${tag}-${index}-${next++}`;
    sentAt.set(clientMessageId, { at: performance.now(), index });
    customer.socket.send(
      JSON.stringify({
        type: 'message',
        text: `bench message ${clientMessageId}`,
        clientMessageId,
      }),
    );
  };
  const onAgentFrame = (raw: Buffer): void => {
    const frame = JSON.parse(raw.toString()) as {
      type?: string;
      event?: { data?: { clientMessageId?: string } };
    };
    const id = frame.type === 'event' ? frame.event?.data?.clientMessageId : undefined;
    const sent = id === undefined ? undefined : sentAt.get(id);
    if (id === undefined || sent === undefined) return;
    sentAt.delete(id);
    latenciesMs.push(performance.now() - sent.at);
    if (!measuring) return;
    delivered += 1;
    if (mode === 'unpaced') send(sent.index);
  };
  const onCustomerFrame = (raw: Buffer): void => {
    if (raw.includes('"type":"error"')) errors += 1;
  };
  target.agent.on('message', onAgentFrame);
  for (const customer of target.customers) customer.socket.on('message', onCustomerFrame);
  const cpuBefore = await processCpuMs(target.child.pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  if (mode === 'unpaced') {
    for (let w = 0; w < WINDOW; w += 1) target.customers.forEach((_, index) => send(index));
    await sleep(seconds * 1000);
  } else {
    // Catch-up pacing: every tick sends what the schedule owes, so timer jitter does not
    // lower the rate; round-robin spreads the load over all conversations.
    let sent = 0;
    while (performance.now() < deadline) {
      const owed = Math.floor(((performance.now() - started) / 1000) * PACED_RATE) - sent;
      for (let i = 0; i < owed; i += 1) send(sent++ % target.customers.length);
      await sleep(2);
    }
  }
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const drainUntil = performance.now() + DRAIN_MS;
  while (sentAt.size > 0 && performance.now() < drainUntil) await sleep(20);
  const serverCpuMs = (await processCpuMs(target.child.pid)) - cpuBefore;
  target.agent.off('message', onAgentFrame);
  for (const customer of target.customers) customer.socket.off('message', onCustomerFrame);
  return {
    latenciesMs,
    delivered,
    lost: sentAt.size,
    errors,
    seconds: elapsed,
    serverCpuMs,
  };
}

/**
 * The CPU time a process has used so far (Linux /proc, in clock ticks of 10 ms). Unlike
 * throughput it hardly moves when other work shares the machine, which makes it the steadier
 * figure on a busy 2-core box.
 */
async function processCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function startTarget(name: Target['name'], dataDir: string): Promise<Target> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    BATON_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The bench creates 200 conversations from one address in a few seconds.
    BATON_RATE_LIMIT_PER_MINUTE: '1000000',
    // It measures the message path at 10 messages a second per conversation, well past a
    // person's typing: the message and frame rates (docs/security.md, "Limits") are lifted.
    BATON_CONVERSATION_MESSAGES: '1000000',
    BATON_SOCKET_FRAMES: '1000000',
    BATON_SOCKETS_PER_IP: '1000',
  };
  delete env.DATABASE_URL; // always the embedded SQLite in dataDir, never a shared server
  delete env.REDIS_URL;
  const script =
    name === 'baton'
      ? ['bin/baton.mjs', 'serve']
      : ['bin/run-ts.mjs', 'bench/relay-baseline-server.ts'];
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=prof") profiles the servers.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => stderr);
    const setup = name === 'baton' ? await prepareBaton(url) : prepareBaseline();
    const agent = await open(`ws://${url}/api/v1/agent/stream`, setup.agentToken);
    for (const c of setup.conversations) {
      agent.send(JSON.stringify({ type: 'subscribe', conversationId: c.id, since: c.since }));
    }
    const customers = [];
    for (const c of setup.conversations) {
      customers.push({
        id: c.id,
        socket: await open(
          `ws://${url}/api/v1/conversations/${c.id}/stream?since=${c.since}`,
          c.token,
        ),
      });
    }
    await sleep(500); // let the subscriptions' catch-up reads finish
    return { name, url, child, agent, customers };
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${name}: ${(error as Error).message}\n${stderr}`);
  }
}

interface Setup {
  agentToken: string;
  conversations: { id: string; token: string; since: number }[];
}

function prepareBaseline(): Setup {
  const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => ({
    id: `c_bench_${i}`,
    token: 'bench',
    since: 0,
  }));
  return { agentToken: 'bench', conversations };
}

/** Creates, hands over and claims the conversations through Baton's HTTP API. */
async function prepareBaton(url: string): Promise<Setup> {
  const api = async <T>(route: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`http://${url}/api/v1${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const login = await api<{ token: string }>('/auth/login', {
    email: 'alex@example.com',
    password: 'baton-demo',
  });
  // The demo agent takes 3 at once; a supervisor raises it to the most allowed.
  const supervisor = await api<{ token: string }>('/auth/login', {
    email: 'riley@example.com',
    password: 'baton-demo',
  });
  const me = (await (
    await fetch(`http://${url}/api/v1/me`, { headers: { authorization: `Bearer ${login.token}` } })
  ).json()) as { agent: { id: string } };
  const raised = await fetch(`http://${url}/api/v1/team/agents/${me.agent.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor.token}` },
    body: JSON.stringify({ maxConcurrent: CONVERSATIONS }),
  });
  if (!raised.ok) throw new Error(`PATCH capacity: ${raised.status} ${await raised.text()}`);
  const conversations: Setup['conversations'] = [];
  const prepareOne = async (i: number): Promise<void> => {
    const created = await api<{ conversation: { id: string }; token: string }>('/conversations', {
      channel: 'api',
      customer: { name: `Bench customer ${i}` },
    });
    const id = created.conversation.id;
    await api(
      `/conversations/${id}/messages`,
      { action: 'request_human', clientMessageId: `handover-${i}` },
      created.token,
    );
    const claimed = await api<{ conversation: { status: string; lastSeq: number } }>(
      `/conversations/${id}/claim`,
      {},
      login.token,
    );
    if (claimed.conversation.status !== 'assigned') {
      throw new Error(`conversation ${id} is ${claimed.conversation.status} after claim`);
    }
    conversations.push({ id, token: created.token, since: claimed.conversation.lastSeq });
  };
  // A few requests at a time: fast enough, and gentle on the scrypt-free paths.
  for (let i = 0; i < CONVERSATIONS; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, CONVERSATIONS - i) }, (_, k) => prepareOne(i + k)),
    );
  }
  return { agentToken: login.token, conversations };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const ok = await fetch(`http://${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`not healthy after 30 s\n${stderr()}`);
}

/** A socket with the token offered in the `baton.token.…` sub-protocol, as the web clients do. */
function open(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['baton', `baton.token.${token}`]);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`${url}: HTTP ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

async function stopTarget(target: Target): Promise<void> {
  target.agent.terminate();
  for (const customer of target.customers) customer.socket.terminate();
  if (target.child.exitCode !== null) return;
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (target.child.exitCode === null) target.child.kill('SIGKILL');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
