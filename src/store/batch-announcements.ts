/**
 * What a batch (Store.batch) has to announce in this process, held until the batch ends. A
 * write made in a batch is announced to in-process listeners (the bus: sockets, routing,
 * metrics, outgoing messages) only once it is committed: on PostgreSQL the batch is one
 * transaction, so its announcements wait for its commit and are dropped if it rolls back; on
 * SQLite each write is committed as it goes, but its announcement still waits for the batch's
 * end (in both engines listeners hear a batch as one run), and a failed batch announces what it
 * did store, since that stays stored.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Runs `work` as one batch of the store's engine (postgres-batch.ts, or as it is on SQLite). */
export type RunEngineBatch = <T>(work: () => Promise<T>) => Promise<T>;

interface OpenBatch {
  ended: boolean;
  readonly held: (() => void)[];
}

export class BatchAnnouncements {
  private readonly current = new AsyncLocalStorage<OpenBatch>();

  /**
   * @param rollsBack whether a failed batch stores nothing (PostgreSQL), so that its
   * announcements are dropped; otherwise (SQLite) they are made when it fails too.
   */
  constructor(
    private readonly runEngineBatch: RunEngineBatch,
    private readonly rollsBack: boolean,
  ) {}

  /** Runs `work` in a batch; a batch inside a batch is part of it. */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer && !outer.ended) return this.runEngineBatch(work);
    const open: OpenBatch = { ended: false, held: [] };
    let result: T;
    try {
      result = await this.runEngineBatch(() => this.current.run(open, work));
    } catch (error) {
      open.ended = true;
      if (!this.rollsBack) announceAll(open.held);
      throw error;
    }
    open.ended = true;
    announceAll(open.held);
    return result;
  }

  /**
   * Runs `announce` now, or, when called in a batch, once the batch has ended (see above).
   * Work the batch started that outlives it (a pass it kicked off) announces at once.
   */
  afterCommit(announce: () => void): void {
    const open = this.current.getStore();
    if (open && !open.ended) open.held.push(announce);
    else announce();
  }
}

/** In the order they were made (the bus keeps a faulty listener from stopping the others). */
function announceAll(held: readonly (() => void)[]): void {
  for (const announce of held) announce();
}
