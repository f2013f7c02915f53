/**
 * A CLI command's database: the configuration loaded, the store opened and migrated before the
 * command runs, and closed after whatever happens (an open pool or worker thread would keep
 * the process alive). A UsageError — a wrong argument found once the store is open, such as an
 * unknown account — prints `baton <command>: …` and exits with 2; anything else is a crash.
 */
import type { ResolvedConfig } from '../config/load-config.ts';
import type { Store } from '../store/store.ts';
import { resolveConfigOrExit } from './resolve-config.ts';

export class UsageError extends Error {}

export async function withStore(
  command: string,
  run: (store: Store, config: ResolvedConfig) => Promise<void>,
): Promise<void> {
  const config = resolveConfigOrExit();
  // Imported here, not at the top: `baton --help` and the commands that need no database
  // should not load the drivers.
  const { createStore } = await import('../store/store.ts');
  const store = createStore({ url: config.databaseUrl });
  try {
    const migrated = await store.migrate();
    if (migrated.error) throw migrated.error;
    await run(store, config);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`baton ${command}: ${error.message}`);
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}
