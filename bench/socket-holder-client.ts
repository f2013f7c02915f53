/**
 * The bench's side of bench/socket-holder.ts: a child process that opens and holds client
 * sockets, so that tens of thousands of them fit under each process's open-file limit and the
 * bench's own event loop stays free to time health checks. One command at a time, over IPC.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnNodeWithFileLimit, stopChild, tailOfStderr } from './server-process.ts';

/**
 * A socket to open: its URL, and the token offered in the `baton.token.…` sub-protocol as the
 * widget does (Baton refuses a `?token=` in the URL).
 */
export interface SocketTarget {
  url: string;
  token: string;
}

export type HolderCommand =
  | { type: 'open'; targets: SocketTarget[]; concurrency: number }
  | { type: 'ping'; timeoutMs: number }
  | { type: 'roundTrip'; sample: number; frame: string; answerContains: string; timeoutMs: number }
  | { type: 'close' };

export type HolderReply =
  | { type: 'opened'; opened: number; failed: number; firstError: string | null }
  | { type: 'pinged'; alive: number; dead: number; closedByPeer: number }
  | { type: 'roundTripped'; answered: number; unanswered: number }
  | { type: 'closed' };

export class SocketHolder {
  private pending: ((reply: HolderReply) => void) | null = null;
  private readonly stderr: () => string;

  private constructor(private readonly child: ChildProcess) {
    this.stderr = tailOfStderr(child);
    child.on('message', (reply: HolderReply) => {
      const resolve = this.pending;
      this.pending = null;
      resolve?.(reply);
    });
  }

  static start(): SocketHolder {
    return new SocketHolder(
      spawnNodeWithFileLimit(['bin/run-ts.mjs', 'bench/socket-holder.ts'], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one command and waits for its reply (the holder answers in order). */
  async send<T extends HolderReply['type']>(
    command: HolderCommand,
    expected: T,
  ): Promise<Extract<HolderReply, { type: T }>> {
    if (this.pending) throw new Error('socket holder: one command at a time');
    const reply = await new Promise<HolderReply>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`socket holder exited (${code})\n${this.stderr()}`));
      this.child.once('exit', onExit);
      this.pending = (r) => {
        this.child.off('exit', onExit);
        resolve(r);
      };
      this.child.send(command);
    });
    if (reply.type !== expected) throw new Error(`socket holder: ${reply.type} for ${expected}`);
    return reply as Extract<HolderReply, { type: T }>;
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
  }
}
