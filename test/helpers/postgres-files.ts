/**
 * Reads PostgreSQL's own files for erased bytes: the heap, TOAST and index files of the tables
 * erasure empties, through `pg_read_binary_file` (superuser only).
 */
import type pg from 'pg';

/** The tables erasure empties; their heap, TOAST and index files are read for erased bytes. */
export const ERASED_TABLES = [
  'conversations',
  'events',
  'timers',
  'webhook_deliveries',
  'media_files',
  'provider_messages',
  'contact_notes',
];
// Under 1 GB, PostgreSQL's segment size, so each relation is one file (the test data is small).
const MAX_READ = 1_000_000_000;

/**
 * The files (relative to the data directory) of the erased tables, their TOAST tables and
 * every index on either, after a CHECKPOINT so their pages are on disk.
 */
export async function relationFiles(client: pg.Client): Promise<string[]> {
  await client.query('checkpoint');
  const { rows } = await client.query<{ path: string }>(
    `with t as (
       select oid, reltoastrelid from pg_class
       where relnamespace = 'public'::regnamespace and relname = any($1))
     select pg_relation_filepath(r.oid) as path from (
       select oid from t
       union select reltoastrelid from t where reltoastrelid <> 0
       union select indexrelid from pg_index
         where indrelid in (select oid from t union select reltoastrelid from t)) r`,
    [ERASED_TABLES],
  );
  return rows.map((r) => r.path);
}

/** Which of the secrets are in any of the files (a file gone since is read as empty). */
export async function secretsIn(
  client: pg.Client,
  files: readonly string[],
  secrets: Record<string, string>,
): Promise<string[]> {
  const found = new Set<string>();
  for (const file of files) {
    const { rows } = await client.query<{ bytes: Buffer | null }>(
      'select pg_read_binary_file($1, 0, $2, true) as bytes',
      [file, MAX_READ],
    );
    const bytes = rows[0]?.bytes ?? Buffer.alloc(0);
    for (const [name, secret] of Object.entries(secrets))
      if (bytes.includes(secret)) found.add(name);
  }
  return [...found].sort();
}
