/**
 * A database that is down or restarting answers clients with DATABASE_UNAVAILABLE (503, try
 * again), not INTERNAL ("a bug"); and a pooled PostgreSQL connection the server closes while
 * idle does not end the process (the pool's 'error' event has a listener).
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
    for (const error of [refused, shuttingDown, startingUp, cut]) {
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
        onIdleConnectionError: (e) => closed.push(e),
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
});
