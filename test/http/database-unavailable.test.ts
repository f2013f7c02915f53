/**
 * A database that is down or restarting answers clients with DATABASE_UNAVAILABLE (503, try
 * again), not INTERNAL ("a bug"); and a pooled PostgreSQL connection the server closes, idle
 * or checked out in the middle of a transaction, does not end the process.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toBatonError } from '../../src/http/error-handler.ts';
import { HTTP_STATUS } from '../../src/http/http-status.ts';
import { createStore } from '../../src/store/store.ts';
import { POSTGRES_URL, TEST_DATABASES } from '../helpers/databases.ts';
import { until } from '../helpers/until.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');

describe('database unavailable', () => {
  it('maps connection failures and PostgreSQL shutdowns to DATABASE_UNAVAILABLE (503)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const shuttingDown = Object.assign(
      new Error('terminating connection due to administrator command'),
      {
        code: '57P01',
      },
    );
    const startingUp = Object.assign(new Error('the database system is starting up'), {
      code: '57P03',
    });
    const cut = new Error('Connection terminated unexpectedly');
    const broken = new Error('Client has encountered a connection error and is not queryable');
    for (const error of [refused, shuttingDown, startingUp, cut, broken]) {
      const mapped = toBatonError(error);
      expect(mapped.code).toBe('DATABASE_UNAVAILABLE');
      expect(HTTP_STATUS[mapped.code]).toBe(503);
    }
    // A constraint violation is still a bug, not an outage.
    expect(toBatonError(Object.assign(new Error('duplicate key'), { code: '23505' })).code).toBe(
      'INTERNAL',
    );
  });

  it.skipIf(postgres?.skipReason)(
    'survives PostgreSQL closing an idle pooled connection',
    async () => {
      const closed: Error[] = [];
      const store = createStore({
        url: POSTGRES_URL,
        onConnectionError: (e) => closed.push(e),
      });
      try {
        const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(
          store.db,
        );
        const pid = backend.rows[0]?.pid;
        // Another session ends the pool's idle connection, as a server restart does.
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await admin.end();
        await until(() => (closed.length > 0 ? true : undefined));
        // The pool opens a new connection for the next query.
        const again = await sql<{ one: number }>`select 1 as one`.execute(store.db);
        expect(again.rows).toEqual([{ one: 1 }]);
      } finally {
        await store.close();
      }
    },
  );

  it.skipIf(postgres?.skipReason)(
    'survives PostgreSQL ending a connection checked out between two statements of a transaction',
    async () => {
      const broken: Error[] = [];
      const store = createStore({ url: POSTGRES_URL, onConnectionError: (e) => broken.push(e) });
      try {
        const failed = await store.db
          .transaction()
          .execute(async (trx) => {
            const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
            // A PostgreSQL restart ends the session while the transaction holds it and no
            // statement is running: pg emits 'error' on the connection itself, which ended
            // the process (a Baton node died this way in the cluster test).
            const admin = new pg.Client({ connectionString: POSTGRES_URL });
            await admin.connect();
            await admin.query('select pg_terminate_backend($1)', [backend.rows[0]?.pid]);
            await admin.end();
            await until(() => (broken.length > 0 ? true : undefined));
            await sql`select 1`.execute(trx);
          })
          .then(
            () => null,
            (error: unknown) => error,
          );
        // The transaction's next statement fails as an outage, not as a bug.
        expect(toBatonError(failed).code).toBe('DATABASE_UNAVAILABLE');
        // Reported, not thrown: the server's reason first (the socket's end may follow).
        expect((broken[0] as { code?: string } | undefined)?.code).toBe('57P01');
        // The broken connection left the pool; the next query gets a new one.
        const again = await sql<{ one: number }>`select 1 as one`.execute(store.db);
        expect(again.rows).toEqual([{ one: 1 }]);
      } finally {
        await store.close();
      }
    },
  );
});
