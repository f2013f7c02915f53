/**
 * `baton erase`: forget conversations for good — a customer's request to be forgotten, or a
 * retention period run from cron. Without `--yes` it only lists what it would erase, so an
 * operator sees the blast radius first.
 */
import type { Command } from 'commander';
import type { ErasureCandidate, ErasureSelector } from '../../store/erasure-repository.ts';
import type { Store } from '../../store/store.ts';
import { resolveConfigOrExit } from '../resolve-config.ts';

interface EraseOptions {
  customer?: string;
  thread?: string;
  conversation?: string;
  closedBefore?: string;
  includeOpen?: boolean;
  yes?: boolean;
}

const DAY_MS = 86_400_000;

class UsageError extends Error {}

export function registerEraseCommand(program: Command): void {
  program
    .command('erase')
    .description('erase conversations with everything stored about them (dry run without --yes)')
    .option('--customer <id-or-email>', "a customer's conversations (their id or email)")
    .option('--thread <channel:thread>', 'a channel thread, e.g. whatsapp:447700900123')
    .option('--conversation <id>', 'one conversation')
    .option('--closed-before <date|Nd>', 'resolved or abandoned before a date, or N days ago')
    .option('--include-open', 'also erase conversations that are still open')
    .option('--yes', 'really erase (otherwise only list)')
    .action(async (options: EraseOptions) => {
      const config = resolveConfigOrExit();
      const { createStore } = await import('../../store/store.ts');
      const store = createStore({ url: config.databaseUrl });
      try {
        const migrated = await store.migrate();
        if (migrated.error) throw migrated.error;
        await erase(store, options, new Date());
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`baton erase: ${error.message}`);
        process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}

async function erase(store: Store, options: EraseOptions, now: Date): Promise<void> {
  const selectors = selectorsFrom(options, now);
  const found = new Map<string, ErasureCandidate>();
  for (const selector of selectors)
    for (const c of await store.erasure.find(selector)) found.set(c.id, c);
  const open = [...found.values()].filter(
    (c) => c.status !== 'resolved' && c.status !== 'abandoned',
  );
  const targets = [...found.values()].filter((c) => options.includeOpen || !open.includes(c));
  for (const c of targets)
    console.log(`${c.id}  ${c.channel.padEnd(9)} ${c.status.padEnd(9)} ${c.updatedAt}`);
  if (!options.includeOpen && open.length > 0) {
    console.log(
      `${open.length} open conversation(s) left alone (add --include-open to erase them too)`,
    );
  }
  if (!options.yes) {
    console.log(`would erase ${targets.length} conversation(s); run again with --yes to erase`);
    return;
  }
  const erased = await store.erasure.erase(targets.map((c) => c.id));
  console.log(`erased ${erased} conversation(s) with their events, timers and webhook log`);
}

function selectorsFrom(options: EraseOptions, now: Date): ErasureSelector[] {
  const given = [options.customer, options.thread, options.conversation, options.closedBefore];
  if (given.filter((v) => v !== undefined).length !== 1)
    throw new UsageError(
      'name exactly one of --customer, --thread, --conversation, --closed-before',
    );
  if (options.customer !== undefined) {
    const who = options.customer.trim();
    // A customer is known by their id, else their email (customerKeyOf); try both.
    return [{ customerKey: `id:${who}` }, { customerKey: `email:${who.toLowerCase()}` }];
  }
  if (options.thread !== undefined) {
    const split = options.thread.indexOf(':');
    if (split <= 0) throw new UsageError('--thread is channel:thread, e.g. sms:+447700900123');
    return [
      { channel: options.thread.slice(0, split), externalThread: options.thread.slice(split + 1) },
    ];
  }
  if (options.conversation !== undefined) return [{ conversationId: options.conversation }];
  return [{ closedBefore: parseCutoff(options.closedBefore ?? '', now) }];
}

function parseCutoff(value: string, now: Date): Date {
  const days = /^(\d+)d$/.exec(value.trim());
  if (days) return new Date(now.getTime() - Number(days[1]) * DAY_MS);
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(
      `--closed-before takes a date (2026-01-31) or days (365d), not "${value}"`,
    );
  return date;
}
