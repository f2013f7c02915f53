/**
 * A batch on PostgreSQL: a run of work whose every query goes through one connection in one
 * transaction (Store.batch). Bulk work such as `baton demo-traffic` commits hundreds of small
 * transactions, each a `begin`, a `commit` and a wait for the log to reach the disk; in a
 * batch the work's own transactions become parts of the batch's one (their `begin` and
 * `commit` are not sent), so each still sees its earlier writes and nothing is committed till
 * the batch is.
 *
 * The work's transactions are not savepoints: a transaction of the work that rolls back, or a
 * statement that fails (which aborts a PostgreSQL transaction anyway), rolls back the whole
 * batch, and the batch fails with that error. It is for work that expects every write to
 * succeed. Only the queries made in the work's own async context join the batch (work running
 * beside it, such as a timer interval set up before, keeps using the pool).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** Runs `work` as one transaction (see above); a batch inside a batch is part of it. */
export type RunBatch = <T>(work: () => Promise<T>) => Promise<T>;

const NOT_SENT: PostgresQueryResult<never> = { command: 'SELECT', rowCount: 0, rows: [] };

class BatchFailed extends Error {}

interface OpenBatch {
  client: PostgresPoolClient;
  ended: boolean;
  /** The first failure; every later query of the batch is refused with it. */
  failure: unknown;
  /** The work's transactions open now (their `begin` seen, not yet their end). */
  open: number;
  onClosed: (() => void) | null;
  /** Settles when the last query sent on the connection has. */
  tail: Promise<void>;
}

/** The pool with batches: `pool` for the dialect, `batch` to run work in one transaction. */
export function withBatches(pool: PostgresPool): { pool: PostgresPool; batch: RunBatch } {
  const current = new AsyncLocalStorage<OpenBatch>();

  /** The client the batch's queries see: its transactions' `begin` and `commit` not sent. */
  const facade = (open: OpenBatch, own: PostgresPoolClient): PostgresPoolClient => ({
    query: ((text: unknown, parameters?: ReadonlyArray<unknown>) => {
      if (typeof text !== 'string') return own.query(text as never);
      return (async () => {
        const kind = transactionStatement(text);
        if (open.ended) {
          // Work started in the batch that outlived it (a background pass it kicked off):
          // a single statement runs on the pool as it would have without the batch.
          if (kind !== null) throw failed(new Error('the batch had ended'));
          const client = await pool.connect();
          try {
            return await client.query(text, parameters ?? []);
          } finally {
            client.release();
          }
        }
        if (kind === 'begin') {
          if (open.failure !== undefined) throw failed(open.failure);
          open.open++;
          return NOT_SENT;
        }
        if (kind !== null) {
          open.open--;
          if (open.open === 0) open.onClosed?.();
          if (kind === 'rollback') {
            open.failure ??= new Error('a transaction in it rolled back');
            return NOT_SENT;
          }
          // A transaction of the work must not believe it committed in a batch that cannot.
          if (open.failure !== undefined) throw failed(open.failure);
          return NOT_SENT;
        }
        if (open.failure !== undefined) throw failed(open.failure);
        try {
          // One at a time: work beside the main line (a pass the bus kicked off) shares the
          // connection, and pg wants a client's queries sent in turn.
          const turn = open.tail.then(() => own.query(text, parameters ?? []));
          open.tail = turn.then(
            () => undefined,
            () => undefined,
          );
          return await turn;
        } catch (error) {
          // The server has aborted the batch's transaction: nothing more can join it.
          open.failure ??= error;
          throw error;
        }
      })();
    }) as PostgresPoolClient['query'],
    // The connection stays the batch's until the batch ends.
    release: () => undefined,
  });

  const batch: RunBatch = async (work) => {
    const outer = current.getStore();
    if (outer && !outer.ended) return work();
    const own = await pool.connect();
    const open: OpenBatch = {
      client: own,
      ended: false,
      failure: undefined,
      open: 0,
      onClosed: null,
      tail: Promise.resolve(),
    };
    open.client = facade(open, own);
    try {
      await own.query('begin', []);
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await current.run(open, work);
        // Work started in the batch may still be inside one of its transactions: let it end.
        if (open.open > 0) await new Promise<void>((resolve) => (open.onClosed = resolve));
      } catch (error) {
        await own.query('rollback', []);
        throw error;
      }
      await open.tail;
      if (open.failure !== undefined) {
        await own.query('rollback', []);
        throw failed(open.failure);
      }
      await own.query('commit', []);
      return result;
    } finally {
      open.ended = true;
      own.release();
    }
  };

  return {
    pool: {
      connect: async () => {
        const open = current.getStore();
        return open && !open.ended ? open.client : pool.connect();
      },
      end: () => pool.end(),
    },
    batch,
  };
}

function transactionStatement(text: string): 'begin' | 'commit' | 'rollback' | null {
  if (text === 'begin' || text.startsWith('start transaction')) return 'begin';
  if (text === 'commit' || text === 'rollback') return text;
  return null;
}

function failed(cause: unknown): Error {
  if (cause instanceof BatchFailed) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BatchFailed(`the batch was rolled back, nothing of it is stored: ${reason}`, {
    cause,
  });
}
