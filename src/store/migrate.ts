/** Applies pending migrations; returns what ran, or the error, as a value (Kysely's style). */
import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface MigrateResult {
  readonly applied: string[];
  readonly error?: unknown;
}

export async function migrateToLatest(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
): Promise<MigrateResult> {
  const migrator = await createMigrator(db, engine);
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return error === undefined ? { applied } : { applied, error };
}

/** The migrator of this database (tests step it down and up again). */
export async function createMigrator(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
): Promise<Migrator> {
  // On PostgreSQL, name the schema of the migration tables: Kysely otherwise finds them in
  // any schema of the database (another Baton, a test) and then cannot use them in ours.
  const schema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  return new Migrator({
    db: schema ? withIntrospectionOf(db, schema) : db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * `db`, its introspection limited to one schema. The Migrator asks only whether its two tables
 * (and their schema) exist, but Kysely's PostgreSQL introspector reads every column of every
 * schema in the database, with functions that fail when another schema is dropped or migrated
 * meanwhile ("schema … does not exist", "column … does not exist"): other Batons on the same
 * database, parallel test schemas, and the readiness probe, which asks on every check.
 */
function withIntrospectionOf(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection = {
    getSchemas: async () => [{ name: schema }],
    getTables: async () => {
      const rows = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(
        db,
      );
      return rows.rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
    },
  };
  return new Proxy(db, {
    get: (target, key) => {
      if (key === 'introspection') return introspection;
      // Kysely keeps its state in private fields: its methods must run on the instance.
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
