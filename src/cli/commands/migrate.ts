/** `baton migrate`: apply pending database migrations and report them. */
import type { Command } from 'commander';
import { resolveConfigOrExit } from '../resolve-config.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const config = resolveConfigOrExit();
      const { createStore } = await import('../../store/store.ts');
      const store = createStore({ url: config.databaseUrl });
      try {
        const result = await store.migrate();
        for (const name of result.applied) console.log(`applied ${name}`);
        if (result.error) {
          console.error(`migration failed: ${String(result.error)}`);
          process.exitCode = 1;
        } else if (result.applied.length === 0) {
          console.log(`the ${store.engine} database is up to date`);
        }
      } finally {
        await store.close();
      }
    });
}
