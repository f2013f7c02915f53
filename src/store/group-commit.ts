/**
 * Group commit for SQLite: the commits requested within one turn of the event loop run in
 * one transaction (each in its own savepoint, so one failure undoes only itself). Under load
 * many conversations write at once, and one WAL commit for all of them is much cheaper than
 * one each; with a single writer there is no lock to wait for anyway.
 */
import type { SyncSqlite } from './statement-cache.ts';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending {
  run(): unknown;
  settle(outcome: Outcome<unknown>): void;
}

export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly sqlite: SyncSqlite) {}

  /** Queues `run` (synchronous SQL, called inside the batch's transaction). */
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
    const outcomes: Outcome<unknown>[] = [];
    try {
      this.sqlite.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: item.run() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The COMMIT itself failed: nothing in the batch was stored.
      for (const item of batch) item.settle({ ok: false, error });
      return;
    }
    batch.forEach((item, i) => item.settle(outcomes[i] as Outcome<unknown>));
  }
}
