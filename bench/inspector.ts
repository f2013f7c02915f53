/**
 * A bench's view into a server child started with `--inspect=127.0.0.1:0`: a full garbage
 * collection and the V8 heap in use after it, through the DevTools protocol. RSS alone
 * counts heap that is free but not given back, so a reading after a collection is the
 * steadier measure of what live objects (the sockets' own) hold.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';

export class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const reply = JSON.parse(raw.toString()) as { id?: number; result?: unknown };
      if (reply.id === undefined) return;
      this.waiting.get(reply.id)?.(reply.result);
      this.waiting.delete(reply.id);
    });
  }

  /** Connects to the inspector whose URL the child printed on stderr ("Debugger listening on …"). */
  static async connect(stderr: () => string): Promise<Inspector> {
    const deadline = Date.now() + 10_000;
    let url: string | undefined;
    while (!(url = /Debugger listening on (ws:\/\/\S+)/.exec(stderr())?.[1])) {
      if (Date.now() > deadline) throw new Error('no inspector URL on stderr');
      await sleep(50);
    }
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new Inspector(socket);
  }

  /** Collects garbage (twice, so that what the first freed is swept), then the heap in use. */
  async heapUsedAfterGc(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const usage = (await this.call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  }

  close(): void {
    this.socket.terminate();
  }

  private call(method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method }));
    });
  }
}
