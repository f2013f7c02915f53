/** `baton demo-traffic`: fill the configured database with a few days of simulated traffic. */
import type { Command } from 'commander';
import { resolveConfigOrExit } from '../resolve-config.ts';

export function registerDemoTrafficCommand(program: Command): void {
  program
    .command('demo-traffic')
    .description('fill the database with a few days of realistic simulated conversations')
    .option('--days <n>', 'days of traffic, ending now', '3')
    .option('--per-day <n>', 'conversations per day', '80')
    .option('--seed <n>', 'random seed (same seed, same traffic)', '1')
    .action(async (options: { days: string; perDay: string; seed: string }) => {
      const days = Number(options.days);
      const perDay = Number(options.perDay);
      const seed = Number(options.seed);
      if (!(days > 0 && days <= 60) || !(perDay > 0 && perDay <= 5000) || !Number.isInteger(seed)) {
        console.error('baton demo-traffic: --days 1..60, --per-day 1..5000, --seed an integer');
        process.exit(2);
      }
      const config = resolveConfigOrExit();
      const { assembleBaton } = await import('../../main/main.ts');
      const { generateDemoTraffic } = await import('../../app/demo/demo-traffic.ts');
      const endMs = Date.now();
      let simulated = endMs;
      const { built, store } = await assembleBaton({
        config: { ...config, log: { level: 'warn' } },
        clock: () => new Date(simulated),
      });
      try {
        const agents = (await store.agents.list()).filter((a) => a.role !== 'admin');
        if (agents.length === 0) {
          console.error(
            'baton demo-traffic: no agents; enable the demo (BATON_DEMO=true) or create agents first',
          );
          process.exit(2);
        }
        const result = await generateDemoTraffic(built, agents, {
          days,
          perDay,
          seed,
          endMs,
          setTime: (ms) => (simulated = ms),
        });
        console.log(
          `simulated ${result.conversations} conversations over ${days} days: ` +
            `${result.handoffs} handed over, ${result.abandoned} abandoned`,
        );
      } finally {
        await built.app.close();
        await store.close();
      }
    });
}
