/**
 * `baton export`: stored conversations as transcript JSON Lines, for `baton replay`; or, with
 * `--customer`, everything about one person (a data subject's copy) into a folder or archive.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { resolveConfigOrExit } from '../resolve-config.ts';
import { labelFromOutcome } from './outcome-label.ts';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write stored conversations as baton.transcript/1 JSON Lines')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--since <date>', 'only conversations started at or after this ISO date')
    .option('--labels', "add `expect` labels derived from agents' outcomes and CSAT, for replay")
    .option(
      '--customer <id|email|phone>',
      "one person's data on every channel (JSON + files) into --out: a folder, .tar or .tar.gz",
    )
    .action(
      async (options: { out?: string; since?: string; labels?: boolean; customer?: string }) => {
        const config = resolveConfigOrExit();
        if (options.customer !== undefined) {
          await exportCustomer(config.databaseUrl, options.customer, options.out);
          return;
        }
        const since = options.since ? new Date(options.since) : null;
        if (since && Number.isNaN(since.getTime())) {
          console.error(`baton export: --since is not a date: ${options.since}`);
          process.exit(2);
        }
        const { createStore } = await import('../../store/store.ts');
        const { exportTranscript } = await import('../../app/conversations/export-transcript.ts');
        const store = createStore({ url: config.databaseUrl });
        const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
        let count = 0;
        let labelled = 0;
        try {
          let after: { createdAt: string; id: string } | null = null;
          for (;;) {
            const page = await store.reads.listPage(after);
            if (page.length === 0) break;
            for (const conversation of page) {
              after = { createdAt: conversation.createdAt, id: conversation.id };
              if (since && conversation.createdAt < since.toISOString()) continue;
              const events = await store.conversations.eventsSince(conversation.id, 0, 100_000);
              const line: Record<string, unknown> = exportTranscript(conversation, events);
              const label = options.labels ? labelFromOutcome(conversation, events) : null;
              if (label) {
                line.expect = label;
                labelled++;
              }
              out.write(JSON.stringify(line) + '\n');
              count++;
            }
          }
        } finally {
          await store.close();
          if (options.out) out.end();
        }
        console.error(
          `exported ${count} conversation${count === 1 ? '' : 's'}` +
            (options.labels ? `, ${labelled} labelled from outcomes` : ''),
        );
      },
    );
}

async function exportCustomer(databaseUrl: string, customer: string, out?: string): Promise<void> {
  if (!out || !customer.trim()) {
    console.error(
      'baton export: --customer needs a reference and --out <folder|file.tar|file.tar.gz>',
    );
    process.exitCode = 2;
    return;
  }
  const { createStore } = await import('../../store/store.ts');
  const { collectCustomerData } = await import('../../app/privacy/customer-export.ts');
  const { writeExport } = await import('../../app/privacy/write-export.ts');
  const { exportTargetOf } = await import('../../app/privacy/write-export.ts');
  const { existsSync, readdirSync } = await import('node:fs');
  const taken =
    exportTargetOf(out) === 'folder'
      ? existsSync(out) && readdirSync(out).length > 0
      : existsSync(out);
  if (taken) {
    console.error(`baton export: ${out} already exists; name a new file or an empty folder`);
    process.exitCode = 2;
    return;
  }
  const store = createStore({ url: databaseUrl });
  try {
    const migrated = await store.migrate();
    if (migrated.error) throw migrated.error;
    const exported = await collectCustomerData(store, customer.trim(), {
      actorId: 'cli',
      now: new Date(),
    });
    const target = await writeExport(exported, out);
    const n = exported.document.conversations.length;
    console.log(
      `exported ${n} conversation${n === 1 ? '' : 's'} and ${exported.files.length} file(s) to ${out} (${target})`,
    );
  } finally {
    await store.close();
  }
}
