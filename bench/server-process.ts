/**
 * Child processes for the capacity benches: a server or a socket holder started with the
 * highest open-file limit the machine allows, and what /proc says about it (resident memory,
 * open files, the limit in force). Linux only; off Linux the readings are NaN.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The soft limit asked for; where the hard limit is lower, the soft limit is raised to it. */
const WANTED_OPEN_FILES = 65_536;

/**
 * Spawns `node <args>` through `sh`, raising the open-file soft limit first: each socket is a
 * file descriptor, and the usual soft limit (1,024) is far below the sockets measured. `exec`
 * keeps the child's pid that of node, so /proc readings are the server's own.
 */
export function spawnNodeWithFileLimit(args: string[], options: SpawnOptions): ChildProcess {
  const raise = `ulimit -n ${WANTED_OPEN_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"`;
  return spawn('sh', ['-c', `${raise}; exec "$0" "$@"`, process.execPath, ...args], {
    cwd: ROOT,
    ...options,
  });
}

/** The open-file limit in force for a process (its soft limit), from /proc/<pid>/limits. */
export async function openFileLimit(pid: number | undefined): Promise<number> {
  const limits = await readProc(pid, 'limits');
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  if (!match) return Number.NaN;
  return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}

/** How many file descriptors a process has open now. */
export async function openFileCount(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  return readdir(`/proc/${pid}/fd`).then(
    (entries) => entries.length,
    () => Number.NaN,
  );
}

/** The resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export async function residentBytes(pid: number | undefined): Promise<number> {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(await readProc(pid, 'status'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** The open-file limit of this process (the bench's own). */
export function ownOpenFileLimit(): Promise<number> {
  return openFileLimit(process.pid);
}

async function readProc(pid: number | undefined, file: string): Promise<string> {
  if (pid === undefined) return '';
  return readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
}

/** Waits for GET /healthz to answer 200, or throws when the child exits or 30 s pass. */
export async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}\n${stderr()}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`not healthy after 30 s\n${stderr()}`);
}

/** Keeps the last 4,000 characters of a child's stderr, for the error of a failed start. */
export function tailOfStderr(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
  return () => tail;
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface ServerChild {
  child: ChildProcess;
  baseUrl: string;
  wsUrl: string;
  /** The last 4,000 characters the child wrote to stderr. */
  stderr: () => string;
}

/**
 * Starts `node <script…>` on a free port with `env` added, through the raised file limit, and
 * waits for its health check. For Baton: embedded SQLite in `dataDir`, never a shared
 * database or Redis from the bench's own environment.
 */
export async function startServerChild(
  script: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = [],
): Promise<ServerChild> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  const child = spawnNodeWithFileLimit([...nodeArgs, ...script], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = tailOfStderr(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, stderr);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { child, baseUrl, wsUrl: `ws://127.0.0.1:${port}`, stderr };
}
