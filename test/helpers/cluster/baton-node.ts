/**
 * One Baton node as operators run it: `node bin/baton.mjs serve` in its own process, on a
 * fixed loopback port (so the balancer's config holds across restarts), configured by
 * environment only. `kill` sends any signal (SIGKILL for a crash), `start` starts it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface BatonNode {
  readonly name: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  start(): Promise<void>;
  /** Sends the signal and waits for the process to end (SIGTERM: a graceful stop). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** user + system CPU the current process has used, in ms (Linux /proc). */
  cpuMs(): Promise<number>;
  /** The last lines it wrote to stderr/stdout, for failure messages. */
  output(): string;
}

export function batonNode(
  name: string,
  port: number,
  env: Readonly<Record<string, string>>,
): BatonNode {
  let child: ChildProcess | null = null;
  let output = '';
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    name,
    port,
    baseUrl,
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      const spawned = spawn(process.execPath, ['bin/baton.mjs', 'serve'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = spawned;
      // A node that dies on its own (not by the test's signal) says why in the test output.
      spawned.once('exit', (code, signal) => {
        if (signal === null && code !== 0)
          console.log(`[cluster] ${name} exited with ${code}: ${output}`);
      });
      const keep = (c: Buffer) => (output = (output + c.toString()).slice(-6000));
      spawned.stdout?.on('data', keep);
      spawned.stderr?.on('data', keep);
      // A start compiles the TypeScript sources (tsx): slow on a busy machine.
      const deadline = Date.now() + 150_000;
      for (;;) {
        if (spawned.exitCode !== null) throw new Error(`${name} exited: ${output}`);
        const ok = await fetch(`${baseUrl}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) {
          console.log(`[cluster] ${name} started in ${Date.now() - (deadline - 150_000)} ms`);
          return;
        }
        if (Date.now() > deadline) throw new Error(`${name} not healthy after 150 s: ${output}`);
        await sleep(100);
      }
    },
    async kill(signal) {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((resolve) => current.once('exit', resolve));
      current.kill(signal);
      await Promise.race([exited, sleep(15_000)]);
      if (current.exitCode === null && current.signalCode === null) {
        current.kill('SIGKILL');
        await exited;
      }
    },
    async cpuMs() {
      if (child?.pid === undefined) return 0;
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8').catch(() => '');
      if (!stat) return 0;
      // After the command name (which may hold spaces): utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    output: () => output,
  };
}
