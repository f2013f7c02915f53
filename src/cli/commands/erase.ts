/**
 * `baton erase`: forget conversations for good — a customer's request to be forgotten, or a
 * retention period run from cron. Without `--yes` it only lists what it would erase, so an
 * operator sees the blast radius first. With `--yes` the database files are wiped too
 * (SQLite: VACUUM; PostgreSQL: VACUUM FULL of the erased tables, then CHECKPOINT) and the
 * erasure is written to the audit log (see app/privacy/erasure-plan.ts).
 */
import type { Command } from 'commander';
import {
  carryOutErasure,
  planErasure,
  type ErasureTarget,
} from '../../app/privacy/erasure-plan.ts';
import type { Store } from '../../store/store.ts';
import { UsageError, withStore } from '../with-store.ts';

interface EraseOptions {
  customer?: string;
  thread?: string;
  conversation?: string;
  closedBefore?: string;
  includeOpen?: boolean;
  yes?: boolean;
}

const DAY_MS = 86_400_000;

const LOCK_NOTE = `
After erasing, the database files are rewritten so the erased bytes leave them: SQLite runs
VACUUM (writers wait); PostgreSQL runs VACUUM FULL on each table erasure touches
(conversations, events, timers, webhook_deliveries, media_files, provider_messages), which
holds an ACCESS EXCLUSIVE lock on the table while it rewrites it (a running server waits on
it), then CHECKPOINT if the role may (superuser or pg_checkpoint). Run it in a quiet hour.`;

export function registerEraseCommand(program: Command): void {
  program
    .command('erase')
    .description('erase conversations with everything stored about them (dry run without --yes)')
    .option(
      '--customer <id|email|phone>',
      "a person's conversations on every channel (their id, email or phone number)",
    )
    .option('--thread <channel:customer>', "one channel's thread, e.g. whatsapp:+447700900123")
    .option('--conversation <id>', 'one conversation')
    .option('--closed-before <date|Nd>', 'resolved or abandoned before a date, or N days ago')
    .option('--include-open', 'also erase conversations that are still open')
    .option('--yes', 'really erase (otherwise only list), then rewrite the database files')
    .addHelpText('after', LOCK_NOTE)
    .action(async (options: EraseOptions) => {
      await withStore('erase', (store) => erase(store, options, new Date()));
    });
}

async function erase(store: Store, options: EraseOptions, now: Date): Promise<void> {
  const target = targetFrom(options, now);
  const plan = await planErasure(store, target, options.includeOpen === true);
  for (const c of plan.targets)
    console.log(`${c.id}  ${c.channel.padEnd(9)} ${c.status.padEnd(9)} ${c.updatedAt}`);
  if (plan.identities > 1)
    console.log(`found under ${plan.identities} identities (ids, emails, phone numbers) linked`);
  if (plan.leftOpen.length > 0) {
    console.log(
      `${plan.leftOpen.length} open conversation(s) left alone (add --include-open to erase them too)`,
    );
  }
  if (!options.yes) {
    console.log(
      `would erase ${plan.targets.length} conversation(s); run again with --yes to erase`,
    );
    return;
  }
  const outcome = await carryOutErasure(store, plan, { actorId: 'cli', target, now, vacuum: true });
  console.log(
    `erased ${outcome.erased} conversation(s) with their events, timers, webhook log and files`,
  );
  if (outcome.walTruncated === false)
    console.log('the write-ahead log was busy: run `baton erase` again to empty it');
  if (outcome.rewrittenTables)
    console.log(`rewrote with VACUUM FULL: ${outcome.rewrittenTables.join(', ') || 'none'}`);
  if (outcome.notRewrittenTables && outcome.notRewrittenTables.length > 0) {
    console.log(
      `not rewritten (the database role does not own them): ${outcome.notRewrittenTables.join(', ')}; ` +
        'the erased bytes may stay in their files until reused — run VACUUM FULL on them as their owner',
    );
  }
  if (outcome.checkpointed === true) console.log('CHECKPOINT done');
  if (outcome.checkpointed === false) {
    console.log(
      'CHECKPOINT skipped: the database role is neither superuser nor in pg_checkpoint; ' +
        'PostgreSQL will checkpoint on its own schedule (checkpoint_timeout)',
    );
  }
}

function targetFrom(options: EraseOptions, now: Date): ErasureTarget {
  const given = [options.customer, options.thread, options.conversation, options.closedBefore];
  if (given.filter((v) => v !== undefined).length !== 1)
    throw new UsageError(
      'name exactly one of --customer, --thread, --conversation, --closed-before',
    );
  if (options.customer !== undefined) {
    if (!options.customer.trim()) throw new UsageError('--customer needs an id, email or phone');
    return { customer: options.customer.trim() };
  }
  if (options.thread !== undefined) {
    const split = options.thread.indexOf(':');
    if (split <= 0) throw new UsageError('--thread is channel:thread, e.g. sms:+447700900123');
    return {
      thread: { channel: options.thread.slice(0, split), value: options.thread.slice(split + 1) },
    };
  }
  if (options.conversation !== undefined) return { conversationId: options.conversation };
  return { closedBefore: parseCutoff(options.closedBefore ?? '', now) };
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
