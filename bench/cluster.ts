// The cluster bench (`npm run bench -- --only cluster`): the message path — customer message
// over WebSocket → stored in PostgreSQL → delivered to the agent's socket — through HAProxy,
// on Baton with 1 node and with 3 nodes (PostgreSQL + Redis, as test/cluster runs them),
// against a bare `ws` + PostgreSQL relay (bench/relay-baseline-pg-server.ts) behind the same
// balancer, all in one run on one private PostgreSQL. The steady figure on a shared machine
// is the cost per message: CPU-seconds of all the server processes per 1,000 messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { api } from '../test/helpers/api-client.ts';
import {
  agentToken,
  setCapacity,
  waitingConversation,
} from '../test/helpers/cluster/chat-traffic.ts';
import { freePort } from '../test/helpers/cluster/free-port.ts';
import { startHaproxy, type Balancer } from '../test/helpers/cluster/haproxy.ts';
import {
  startPrivatePostgres,
  type PrivatePostgres,
} from '../test/helpers/cluster/private-postgres.ts';
import { startCluster, type Cluster } from '../test/helpers/cluster/start-cluster.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

const CONVERSATIONS = 30;
const PACED_RATE = 300; // messages per second across all conversations
const WINDOW = 4; // unpaced: messages in flight per conversation
/**
 * After each run, its messages still on their way are waited for (up to this long) before
 * the next run starts. A starved cluster falls behind the paced rate; with a short drain,
 * that backlog sat in front of the next run's messages, and the unpaced run (counting only
 * what arrives within its window) delivered nothing: the "0 msg/s" of the first 3-node run.
 */
const DRAIN_MS = 60_000;
const ROOT = path.resolve(import.meta.dirname, '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Target {
  name: string;
  balancer: Balancer;
  agent: WebSocket;
  customers: WebSocket[];
  /** CPU ms used so far by all the target's server processes. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

interface Run {
  latenciesMs: number[];
  delivered: number;
  lost: number;
  seconds: number;
  cpuMs: number;
}

export async function runClusterBench(
  options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchFigure[]> {
  const postgres = await startPrivatePostgres();
  const results = new Map<string, { paced: Run; unpaced: Run }>();
  try {
    for (const start of [startBaseline, startBaton(1), startBaton(3)]) {
      const target = await start(postgres);
      try {
        log(`cluster: ${target.name} ready; warming up`);
        await runLoad(target, 'paced', 2, 'warm');
        const paced = await runLoad(target, 'paced', options.durationSeconds, 'p');
        const unpaced = await runLoad(target, 'unpaced', options.durationSeconds, 'u');
        results.set(target.name, { paced, unpaced });
        log(
          `cluster: ${target.name}: p50 ${pct(paced.latenciesMs, 50).toFixed(1)} ms, p99 ${pct(paced.latenciesMs, 99).toFixed(1)} ms, ` +
            `${(unpaced.delivered / unpaced.seconds).toFixed(0)} msg/s, ` +
            `${perThousand(paced).toFixed(2)} CPU-s per 1,000 msgs, lost ${paced.lost + unpaced.lost}`,
        );
      } finally {
        await target.close();
      }
    }
  } finally {
    await postgres.destroy();
  }
  return figures(results);
}

/** CPU ms per message = CPU-seconds per 1,000 messages; the drain's deliveries count too. */
function perThousand(run: Run): number {
  return run.cpuMs / run.latenciesMs.length;
}

function figures(results: Map<string, { paced: Run; unpaced: Run }>): BenchFigure[] {
  const base = results.get('relay');
  if (!base) return [];
  const out: BenchFigure[] = [];
  const note = `${CONVERSATIONS} conversations through HAProxy, ${PACED_RATE} msg/s paced`;
  const figure = (metric: string, value: number, baseline: number, n: string): BenchFigure => ({
    bench: 'cluster',
    metric,
    value: round2(value),
    baseline: round2(baseline),
    ratio: round2(value / baseline),
    note: n,
  });
  for (const nodes of [1, 3]) {
    const r = results.get(`baton_${nodes}_node${nodes > 1 ? 's' : ''}`);
    if (!r) continue;
    const label = `${nodes} node${nodes > 1 ? 's' : ''}`;
    out.push(
      figure(
        `throughput_msgs_per_s_${nodes}n`,
        r.unpaced.delivered / r.unpaced.seconds,
        base.unpaced.delivered / base.unpaced.seconds,
        `${label} vs the ws+PostgreSQL relay; ${WINDOW} in flight per conversation`,
      ),
      figure(
        `p99_ms_${nodes}n`,
        pct(r.paced.latenciesMs, 99),
        pct(base.paced.latenciesMs, 99),
        `${label}; ${note}`,
      ),
      figure(
        `cpu_s_per_1000_msgs_${nodes}n`,
        perThousand(r.paced),
        perThousand(base.paced),
        `${label}; CPU of all Baton processes (user+system) vs the relay's; ${note}`,
      ),
    );
  }
  const one = results.get('baton_1_node');
  const three = results.get('baton_3_nodes');
  if (one && three) {
    out.push(
      figure(
        'cpu_s_per_1000_msgs_3n_vs_1n',
        perThousand(three.paced),
        perThousand(one.paced),
        'the cost of spreading over 3 nodes (Redis fan-out, presence) per message; baseline = 1 node',
      ),
    );
  }
  return out;
}

async function startBaseline(postgres: PrivatePostgres): Promise<Target> {
  await postgres.createDatabase('relay');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/relay-baseline-pg-server.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATABASE_URL: postgres.url('relay') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('relay did not start');
    await sleep(100);
  }
  const balancer = await startHaproxy([{ name: 'relay', port }]);
  const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `c_bench_${i}`);
  const agent = await open(`${balancer.wsUrl}/api/v1/agent/stream`, 'bench');
  // Frames sent the instant the upgrade through HAProxy completes were lost by the relay
  // (its handler not yet attached); a short pause, as the inbox has before it subscribes.
  await sleep(300);
  for (const id of ids)
    agent.send(JSON.stringify({ type: 'subscribe', conversationId: id, since: 0 }));
  const customers = await Promise.all(
    ids.map((id) => open(`${balancer.wsUrl}/api/v1/conversations/${id}/stream?since=0`, 'bench')),
  );
  return {
    name: 'relay',
    balancer,
    agent,
    customers,
    cpuMs: () => processCpuMs(child.pid),
    async close() {
      for (const s of [agent, ...customers]) s.terminate();
      await balancer.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
    },
  };
}

function startBaton(nodes: number) {
  return async (postgres: PrivatePostgres): Promise<Target> => {
    const name = `baton_${nodes}_node${nodes > 1 ? 's' : ''}`;
    const cluster = await startCluster({ nodes, redisUrl: REDIS_URL, postgres, database: name });
    try {
      return await prepareBaton(name, cluster);
    } catch (error) {
      await cluster.close(); // a failed set-up leaves no node or balancer behind
      throw error;
    }
  };
}

async function prepareBaton(name: string, cluster: Cluster): Promise<Target> {
  {
    const lb = cluster.balancer.baseUrl;
    const alex = await agentToken(lb, 'alex@example.com');
    await setCapacity(lb, alex.id, CONVERSATIONS);
    const conversations: { id: string; token: string; since: number }[] = [];
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const c = await waitingConversation(lb, `Bench customer ${i}`, 'api');
      const claimed = await api(lb, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: alex.token,
      });
      if (claimed.status !== 200) throw new Error(`claim: ${claimed.status}`);
      conversations.push({ ...c, since: claimed.body.conversation.lastSeq as number });
    }
    const ws = cluster.balancer.wsUrl;
    const agent = await open(`${ws}/api/v1/agent/stream`, alex.token);
    for (const c of conversations) {
      agent.send(JSON.stringify({ type: 'subscribe', conversationId: c.id, since: c.since }));
    }
    // Round robin spreads the customers over the nodes; the agent is on one of them.
    const customers = await Promise.all(
      conversations.map((c) =>
        open(`${ws}/api/v1/conversations/${c.id}/stream?since=${c.since}`, c.token),
      ),
    );
    await sleep(500);
    return {
      name,
      balancer: cluster.balancer,
      agent,
      customers,
      cpuMs: async () =>
        (await Promise.all(cluster.nodes.map((n) => n.cpuMs()))).reduce((a, b) => a + b, 0),
      async close() {
        for (const s of [agent, ...customers]) s.terminate();
        await cluster.close();
      },
    };
  }
}

/** One measured run: paced at PACED_RATE, or closed-loop with WINDOW messages in flight. */
async function runLoad(
  target: Target,
  mode: 'paced' | 'unpaced',
  seconds: number,
  tag: string,
): Promise<Run> {
  await sleep(500);
  const sentAt = new Map<string, { at: number; index: number }>();
  const latenciesMs: number[] = [];
  let next = 0;
  let delivered = 0;
  let measuring = true;
  const send = (index: number): void => {
    const id = `${tag}-${index}-${next++}`;
    sentAt.set(id, { at: performance.now(), index });
    target.customers[index]?.send(
      JSON.stringify({ type: 'message', text: `bench ${id}`, clientMessageId: id }),
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
  target.agent.on('message', onAgentFrame);
  const cpuBefore = await target.cpuMs();
  const started = performance.now();
  if (mode === 'unpaced') {
    for (let w = 0; w < WINDOW; w += 1) target.customers.forEach((_, i) => send(i));
    await sleep(seconds * 1000);
  } else {
    let sent = 0;
    while (performance.now() < started + seconds * 1000) {
      const owed = Math.floor(((performance.now() - started) / 1000) * PACED_RATE) - sent;
      for (let i = 0; i < owed; i += 1) send(sent++ % target.customers.length);
      await sleep(2);
    }
  }
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const drainUntil = performance.now() + DRAIN_MS;
  while (sentAt.size > 0 && performance.now() < drainUntil) await sleep(20);
  const cpuMs = (await target.cpuMs()) - cpuBefore;
  target.agent.off('message', onAgentFrame);
  return { latenciesMs, delivered, lost: sentAt.size, seconds: elapsed, cpuMs };
}

async function processCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (!stat) return Number.NaN;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
