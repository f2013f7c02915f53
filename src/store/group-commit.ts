/**
 * Group commit for SQLite: the commits requested within one turn of the event loop run in
 * one transaction. Under load many conversations write at once, and one WAL commit for all of
 * them is much cheaper than one each; with a single writer there is no lock to wait for anyway.
 *
 * The batch first runs plainly: a SAVEPOINT and RELEASE around every write cost more than the
 * write's own statements on the message path. Only when a write throws is the batch rolled
 * back and run again with each write in its own savepoint, so that the failed one (a
 * duplicate client message id, say) fails alone and the others commit.
 */
import type { SyncSqlite } from './statement-cache.ts';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending {
  /** Synchronous SQL; run again if another write of the batch fails, so it must not count on running once. */
  run(): unknown;
  settle(outcome: Outcome<unknown>): void;
}

/** Thrown out of the plain pass to roll it back; never escapes the class. */
class WriteFailed extends Error {}

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly sqlite: SyncSqlite) {}

  /**
   * Queues `run` (synchronous SQL, called inside the batch's transaction). `run` may be called
   * twice: when another write of its batch fails, the batch is rolled back and run again.
   */
  submit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        run,
        settle: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)),
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    let outcomes: Outcome<unknown>[];
    try {
      outcomes = this.plain(batch);
    } catch (error) {
      if (!(error instanceof WriteFailed)) return this.failAll(batch, error);
      try {
        outcomes = this.isolated(batch);
      } catch (commitError) {
        return this.failAll(batch, commitError);
      }
    }
    batch.forEach((item, i) => item.settle(outcomes[i] as Outcome<unknown>));
  }

  /** Every write in one transaction, no savepoints; throws WriteFailed if any write throws. */
  private plain(batch: readonly Pending[]): Outcome<unknown>[] {
    return this.sqlite.transaction(() =>
      batch.map((item) => {
        try {
          return { ok: true, value: item.run() };
        } catch {
          throw new WriteFailed();
        }
      }),
    );
  }

  /** Every write in its own savepoint of one transaction: a failure undoes only itself. */
  private isolated(batch: readonly Pending[]): Outcome<unknown>[] {
    return this.sqlite.transaction(() =>
      batch.map((item): Outcome<unknown> => {
        try {
          return { ok: true, value: this.sqlite.savepoint(() => item.run()) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** The COMMIT itself failed: nothing in the batch was stored. */
  private failAll(batch: readonly Pending[], error: unknown): void {
    for (const item of batch) item.settle({ ok: false, error });
  }
}
