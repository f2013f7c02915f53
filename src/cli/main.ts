/**
 * The `baton` command: `serve`, `migrate`, and the commands other modules register.
 * Config errors are printed all together and stop the process with exit code 2.
 */
import { Command } from 'commander';

type Registrar = () => Promise<(program: Command) => void>;

/**
 * Each command's module, loaded only when it runs: loading every command's dependencies took
 * most of a short command's start-up (about 2 s), paid by every `baton agents …` an operator
 * or a test runs. Help and unknown commands load them all, so the listing stays complete.
 */
const COMMANDS: Record<string, Registrar> = {
  serve: async () => (await import('./commands/serve.ts')).registerServeCommand,
  migrate: async () => (await import('./commands/migrate.ts')).registerMigrateCommand,
  agents: async () => (await import('./commands/agents.ts')).registerAgentsCommand,
  backup: async () => (await import('./commands/backup.ts')).registerBackupCommand,
  export: async () => (await import('./commands/export.ts')).registerExportCommand,
  erase: async () => (await import('./commands/erase.ts')).registerEraseCommand,
  compact: async () => (await import('./commands/compact.ts')).registerCompactCommand,
  'demo-traffic': async () =>
    (await import('./commands/demo-traffic.ts')).registerDemoTrafficCommand,
  replay: async () => (await import('./commands/replay.ts')).registerReplayCommand,
  policy: async () => (await import('./commands/policy.ts')).registerPolicyCommand,
  simulate: async () => (await import('./commands/simulate.ts')).registerSimulateCommand,
  forecast: async () => (await import('./commands/forecast.ts')).registerForecastCommand,
  mcp: async () => (await import('./commands/mcp.ts')).registerMcpCommand,
};

const program = new Command('baton')
  .description('Baton: self-hosted bot-to-human handoff server')
  .showHelpAfterError();

const named = process.argv[2];
const wanted =
  named !== undefined && named in COMMANDS ? [COMMANDS[named]!] : Object.values(COMMANDS);
for (const load of wanted) (await load())(program);

await program.parseAsync(process.argv);
