/**
 * A Redis server of the test's own (`redis-server` on a free loopback port, nothing saved),
 * so a test may kill it, freeze it and start it again without touching the machine's shared
 * Redis that other tests use. Under CI=true a missing `redis-server` is a failure, never a
 * skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './free-port.ts';

export interface PrivateRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** SIGKILL: the process dies at once, every connection drops, nothing is left behind. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung server). */
  freeze(): void;
  /** SIGCONT after `freeze`. */
  thaw(): void;
  /** Kills it for good. */
  close(): Promise<void>;
}

const binaryMissing = spawnSync('redis-server', ['--version']).error;

/** Why a test of its own Redis cannot run here, or null. Throws under CI=true. */
export const PRIVATE_REDIS_SKIP_REASON: string | null = (() => {
  if (!binaryMissing) return null;
  const reason = `redis-server is not installed: ${binaryMissing.message}`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: nothing may skip)`);
  return reason;
})();

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child = started;
    // Never outlive the test run, even when it ends without closing this.
    process.once('exit', () => {
      if (started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
    });
    await untilAnswers(port, started);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT'); // a frozen one too
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    close: kill,
  };
}

/** Waits until the server answers PING with PONG (it may take a moment to bind). */
async function untilAnswers(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await pings(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let heard = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      heard += chunk.toString();
      if (heard.includes('\r\n')) done(heard.startsWith('+PONG'));
    });
  });
}
