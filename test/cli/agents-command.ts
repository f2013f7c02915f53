/**
 * The real `baton agents` command against a PostgreSQL database of the test file's own, as the
 * tests of its reach to running servers (over NOTIFY when Redis is not there) run it: the
 * database's and prefix's names, the command with its environment, what `list --json` prints.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';

const runFile = promisify(execFile);

/** Why the tests of `baton agents` on a PostgreSQL database of their own skip (null: they run). */
export const POSTGRES_SKIP = TEST_DATABASES.find((d) => d.name === 'postgres')?.skipReason ?? null;

/** A short presence heartbeat, so that a closed inbox reads offline within a test. */
export const HEARTBEAT_MS = '300';

/** One agent as `baton agents list --json` prints it, a line each. */
export interface ListedAgent {
  email: string;
  presence: string;
  inboxOpen: boolean | null;
}

/**
 * A PostgreSQL database name (`stem_` and random hex) with its URL, and a Redis prefix, for a
 * test file's own database (the caller creates and drops it) and its servers' channels.
 */
export function ownPostgresDatabase(stem: string) {
  const database = `${stem}_${randomBytes(5).toString('hex')}`;
  return {
    database,
    url: postgresDatabaseUrl(database),
    prefix: `baton-test-${randomBytes(4).toString('hex')}`,
  };
}

export interface AgentsCommandOptions {
  readonly databaseUrl: string;
  readonly prefix: string;
  /** Where Redis is; by default none (REDIS_URL unset), so the command goes through NOTIFY. */
  readonly redisUrl?: string;
  readonly heartbeatMs?: string;
}

/** `baton agents …` as a child process; rejects, as execFile does, on a non-zero exit. */
export function runAgentsCommand(args: string[], options: AgentsCommandOptions) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    BATON_REDIS_PREFIX: options.prefix,
    ...(options.heartbeatMs ? { BATON_REDIS_HEARTBEAT_MS: options.heartbeatMs } : {}),
    FORCE_COLOR: '0',
  };
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  else delete env.REDIS_URL;
  return runFile(process.execPath, ['bin/baton.mjs', 'agents', ...args], { env });
}
