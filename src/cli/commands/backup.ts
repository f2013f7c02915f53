/**
 * `baton backup <file>`: a consistent copy of the SQLite database while the server runs
 * (src/store/sqlite-backup.ts). PostgreSQL is backed up with its own tools (pg_dump), which
 * the command says instead of pretending.
 */
import type { Command } from 'commander';
import { resolveConfigOrExit } from '../resolve-config.ts';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database to <file> while the server runs (online backup API)')
    .argument('<file>', 'where the copy goes (must not exist)')
    .action(async (destination: string) => {
      const config = resolveConfigOrExit();
      const { isPostgresUrl } = await import('../../store/open-database.ts');
      if (isPostgresUrl(config.databaseUrl)) {
        console.error(
          'the database is PostgreSQL: back it up with pg_dump (docs/deploy.md, "Backups")',
        );
        process.exitCode = 2;
        return;
      }
      const { backupSqlite } = await import('../../store/sqlite-backup.ts');
      try {
        const { totalPages } = await backupSqlite(config.databaseUrl, destination);
        console.log(`backed up ${totalPages} pages to ${destination}`);
      } catch (error) {
        console.error(`backup failed: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    });
}
