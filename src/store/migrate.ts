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
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}
