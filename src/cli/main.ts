/**
 * The `baton` command: `serve`, `migrate`, and the commands other modules register.
 * Config errors are printed all together and stop the process with exit code 2.
 */
import { Command } from 'commander';
import { registerAgentsCommand } from './commands/agents.ts';
import { registerBackupCommand } from './commands/backup.ts';
import { registerDemoTrafficCommand } from './commands/demo-traffic.ts';
import { registerEraseCommand } from './commands/erase.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerForecastCommand } from './commands/forecast.ts';
import { registerMcpCommand } from './commands/mcp.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerReplayCommand } from './commands/replay.ts';
import { registerPolicyCommand } from './commands/policy.ts';
import { registerSimulateCommand } from './commands/simulate.ts';

const program = new Command('baton')
  .description('Baton: self-hosted bot-to-human handoff server')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerAgentsCommand(program);
registerBackupCommand(program);
registerExportCommand(program);
registerEraseCommand(program);
registerDemoTrafficCommand(program);
registerReplayCommand(program);
registerPolicyCommand(program);
registerSimulateCommand(program);
registerForecastCommand(program);
registerMcpCommand(program);

await program.parseAsync(process.argv);
