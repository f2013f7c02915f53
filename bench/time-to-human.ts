// The time_to_human bench: the system's part of a customer's wait for a person. From the
// customer's "I want to talk to a human" sent on the customer socket to the `offer` of that
// conversation (its `conversation` frame with status `offered`) arriving on the inbox socket
// of a free online agent: the policy's decision, the handoff, the router's pass, the offer's
// commit and its fan-out. Handoffs run one at a time; the agent claims and resolves each, so
// they are free again for the next. Baseline, interleaved in the same run: a plain customer
// message on a conversation the agent already holds, from the customer socket to the event
// on the agent's socket. The difference is what the handoff adds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { api, login, startConversation } from '../test/helpers/api-client.ts';
import { freePort } from '../test/helpers/cluster/free-port.ts';
import { startServerChild, stopChild, type ServerChild } from './server-process.ts';
import { percentile, round2 } from './stats.ts';
import type { BenchFigure, BenchOptions } from './types.ts';

const HANDOFFS = 200;
const WARM_UP = 10;
const FRAME_TIMEOUT_MS = 10_000;
const DEMO_PASSWORD = 'baton-demo';
/** The aim for the system's part of time to human. */
const AIM_P99_MS = 100;

type Frame = {
  type?: string;
  conversation?: { id?: string; status?: string };
  event?: { conversationId?: string; data?: { clientMessageId?: string } };
};

/** Runs the bench; `log` gets progress lines (stderr in `npm run bench`). */
export async function runTimeToHumanBench(
  _options: BenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchFigure[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'baton-bench-tth-'));
  const sockets: WebSocket[] = [];
  let server: ServerChild | undefined;
  try {
    server = await startServerChild(
      ['bin/baton.mjs', 'serve'],
      {
        BATON_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // 200 conversations from one address, and one conversation carrying 210 messages.
        BATON_RATE_LIMIT_PER_MINUTE: '1000000',
        BATON_CONVERSATION_MESSAGES: '1000000',
        BATON_SOCKET_FRAMES: '1000000',
      },
      await freePort(),
    );
    const { baseUrl, wsUrl } = server;
    // The demo agent goes online: the inbox socket open, presence `online`. No other agent
    // has a socket open, so every offer is theirs.
    const agentToken = await login(baseUrl, 'alex@example.com', DEMO_PASSWORD);
    const agent = await open(`${wsUrl}/api/v1/agent/stream`, agentToken);
    sockets.push(agent);
    const frames = new FrameWaiter(agent);
    await expectOk(
      api(baseUrl, 'PUT', '/api/v1/me/presence', {
        token: agentToken,
        body: { presence: 'online' },
      }),
    );
    // The baseline's conversation: handed over, offered to the agent, claimed by them.
    const held = await startConversation(baseUrl, { channel: 'web' });
    const offered = frames.next((f) => isOffer(f, held.id));
    await expectOk(
      api(baseUrl, 'POST', `/api/v1/conversations/${held.id}/messages`, {
        token: held.token,
        body: { action: 'request_human', clientMessageId: 'bench-handover' },
      }),
    );
    await offered;
    const claimed = await expectOk(
      api(baseUrl, 'POST', `/api/v1/conversations/${held.id}/claim`, { token: agentToken }),
    );
    const since = claimed.body.conversation.lastSeq as number;
    agent.send(JSON.stringify({ type: 'subscribe', conversationId: held.id, since }));
    const heldSocket = await open(customerStream(wsUrl, held.id, since), held.token);
    sockets.push(heldSocket);

    const handoffMs: number[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < WARM_UP + HANDOFFS; i += 1) {
      const plain = await plainMessage(heldSocket, frames, held.id, `plain-${i}`);
      const handoff = await handOff(baseUrl, wsUrl, agentToken, frames, i);
      if (i < WARM_UP) continue;
      plainMs.push(plain);
      handoffMs.push(handoff);
      if ((i - WARM_UP + 1) % 50 === 0) {
        log(
          `time_to_human: ${i - WARM_UP + 1} handoffs: p50 ${percentile(handoffMs, 50).toFixed(1)} ms, ` +
            `p99 ${percentile(handoffMs, 99).toFixed(1)} ms; plain message p50 ${percentile(plainMs, 50).toFixed(1)} ms`,
        );
      }
    }
    return figures(handoffMs, plainMs);
  } finally {
    for (const socket of sockets) socket.terminate();
    if (server) await stopChild(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function figures(handoffMs: number[], plainMs: number[]): BenchFigure[] {
  const p99 = percentile(handoffMs, 99);
  const note =
    `${handoffMs.length} handoffs one at a time, 1 online agent; baseline: a plain message to a ` +
    `conversation the agent holds; aim p99 < ${AIM_P99_MS} ms: ${p99 < AIM_P99_MS ? 'met' : 'not met'}`;
  return [50, 99].map((p) => {
    const value = round2(percentile(handoffMs, p));
    const baseline = round2(percentile(plainMs, p));
    return {
      bench: 'time_to_human',
      metric: `p${p}_ms`,
      value,
      baseline,
      ratio: round2(value / baseline),
      note,
    };
  });
}

/** One handoff: the customer asks for a person; timed until the offer reaches the agent. */
async function handOff(
  baseUrl: string,
  wsUrl: string,
  agentToken: string,
  frames: FrameWaiter,
  i: number,
): Promise<number> {
  const c = await startConversation(baseUrl, { channel: 'web' });
  const since = Math.max(0, ...(c.events as { seq: number }[]).map((e) => e.seq));
  const customer = await open(customerStream(wsUrl, c.id, since), c.token);
  try {
    const offered = frames.next((f) => isOffer(f, c.id));
    const started = performance.now();
    customer.send(
      JSON.stringify({
        type: 'message',
        text: 'I want to talk to a human',
        clientMessageId: `handoff-${i}`,
      }),
    );
    await offered;
    const elapsed = performance.now() - started;
    // The agent takes it and resolves it: free again for the next one.
    const route = (action: string) => `/api/v1/conversations/${c.id}/${action}`;
    await expectOk(api(baseUrl, 'POST', route('claim'), { token: agentToken }));
    await expectOk(api(baseUrl, 'POST', route('resolve'), { token: agentToken, body: {} }));
    return elapsed;
  } finally {
    customer.terminate();
  }
}

/** The baseline: a customer message on the held conversation, until the agent's event. */
async function plainMessage(
  customer: WebSocket,
  frames: FrameWaiter,
  conversationId: string,
  clientMessageId: string,
): Promise<number> {
  const arrived = frames.next(
    (f) =>
      f.type === 'event' &&
      f.event?.conversationId === conversationId &&
      f.event.data?.clientMessageId === clientMessageId,
  );
  const started = performance.now();
  customer.send(JSON.stringify({ type: 'message', text: 'still there?', clientMessageId }));
  await arrived;
  return performance.now() - started;
}

function isOffer(frame: Frame, conversationId: string): boolean {
  return (
    frame.type === 'conversation' &&
    frame.conversation?.id === conversationId &&
    frame.conversation.status === 'offered'
  );
}

/** Resolves promises for the first agent frame that matches each, in arrival order. */
class FrameWaiter {
  private readonly waiting = new Set<{ match: (f: Frame) => boolean; done: () => void }>();

  constructor(socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      for (const waiter of this.waiting) {
        if (!waiter.match(frame)) continue;
        this.waiting.delete(waiter);
        waiter.done();
      }
    });
  }

  /** Registers before the action that causes the frame, so it cannot be missed. */
  next(match: (f: Frame) => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.delete(waiter);
        reject(new Error(`no matching agent frame within ${FRAME_TIMEOUT_MS} ms`));
      }, FRAME_TIMEOUT_MS);
      this.waiting.add(waiter);
    });
  }
}

function customerStream(wsUrl: string, id: string, since: number): string {
  return `${wsUrl}/api/v1/conversations/${id}/stream?since=${since}`;
}

async function expectOk<T extends { status: number; body: unknown }>(
  response: Promise<T>,
): Promise<T> {
  const r = await response;
  if (r.status >= 300) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
  return r;
}

/** A socket with the token offered in the `baton.token.…` sub-protocol, as the web clients do. */
function open(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['baton', `baton.token.${token}`]);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`${url}: HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}
