/** `baton serve`: start the server; stop cleanly on SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { resolveConfigOrExit } from '../resolve-config.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the Baton server (HTTP, WebSocket, widget and inbox)')
    .action(async () => {
      const config = resolveConfigOrExit();
      // Loaded on use, so that `baton replay` never pays for (or breaks on) the server.
      const { startServer } = await import('../../main/main.ts');
      const server = await startServer({ config });
      server.app.log.info(
        `Baton is ready: demo ${server.url}/  inbox ${server.url}/inbox/  API ${server.url}/api/v1/openapi.json`,
      );
      const stop = (signal: string) => {
        server.app.log.info(`${signal}: shutting down`);
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
