/**
 * The engines every store test runs on (Kysely's DIALECTS habit): SQLite always, PostgreSQL
 * when reachable. Under CI=true an unreachable PostgreSQL is a failure, never a skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createStore, type Store } from '../../src/store/store.ts';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** Why this engine is skipped, or null when it runs. */
  readonly skipReason: string | null;
  /** A fresh, migrated store of its own (own file or own schema). */
  open(): Promise<OpenedTestStore>;
}

export interface OpenedTestStore {
  readonly store: Store;
  /** A database URL (plus schema) that reaches the same data, for a second server. */
  readonly url: string;
  readonly schema?: string;
  cleanup(): Promise<void>;
}

async function postgresSkipReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${POSTGRES_URL}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: nothing may skip)`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  skipReason: null,
  open() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
    const url = path.join(dir, 'baton.db');
    const store = createStore({ url });
    return migrated(store, url, undefined, () => rmSync(dir, { recursive: true, force: true }));
  },
};

function postgres(skipReason: string | null): TestDatabase {
  return {
    name: 'postgres',
    skipReason,
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const store = createStore({ url: POSTGRES_URL, schema });
      return migrated(store, POSTGRES_URL, schema, async () => {
        const dropper = new pg.Client({ connectionString: POSTGRES_URL });
        await dropper.connect();
        await dropper.query(`drop schema ${schema} cascade`);
        await dropper.end();
      });
    },
  };
}

async function migrated(
  store: Store,
  url: string,
  schema: string | undefined,
  remove: () => void | Promise<void>,
): Promise<OpenedTestStore> {
  const result = await store.migrate();
  if (result.error) throw result.error;
  return {
    store,
    url,
    ...(schema ? { schema } : {}),
    async cleanup() {
      await store.close();
      await remove();
    },
  };
}

const pgSkip = await postgresSkipReason();
if (pgSkip) console.warn(`[skip] ${pgSkip}`);

export const TEST_DATABASES: readonly TestDatabase[] = [sqlite, postgres(pgSkip)];

/**
 * Runs one statement on the PostgreSQL server, outside any test database (create or drop the
 * database of its own that a CLI test needs: the CLI reaches it by DATABASE_URL alone).
 */
export async function postgresAdmin(statement: string): Promise<void> {
  await withPostgresClient(POSTGRES_URL, (client) => client.query(statement));
}

/** One connection to `url` for `run`, ended after it whatever happens. */
export async function withPostgresClient<T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the test server. */
export const postgresDatabaseUrl = (database: string): string =>
  POSTGRES_URL.replace(/\/[^/]*$/, `/${database}`);

/**
 * A fresh store on `database` for each test of the enclosing describe (the test skips where the
 * engine does), cleaned up after it: read `.store` inside a test.
 */
export function useFreshStore(database: TestDatabase): { readonly store: Store } {
  let opened: OpenedTestStore | undefined;
  beforeEach(async (ctx) => {
    if (database.skipReason) ctx.skip();
    opened = await database.open();
  });
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });
  return {
    get store(): Store {
      if (!opened) throw new Error('the store opens in beforeEach');
      return opened.store;
    },
  };
}
