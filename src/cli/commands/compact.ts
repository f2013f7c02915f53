/**
 * `baton compact`: run PostgreSQL's compaction window now, from a shell or cron — the tables
 * the server's erasures (the admin API, retention) left pending are rewritten with VACUUM FULL
 * under `privacy.compactLockTimeoutMs`, a CHECKPOINT follows, and the run is audited as
 * `privacy.compacted` (actor `cli`): the same code as the window and POST
 * /api/v1/privacy/compact (app/privacy/compaction-window.ts). It prints what was rewritten and
 * what still waits, and why; exit code 1 when a table it claimed was left. SQLite has nothing
 * to compact: its erasures zero the deleted rows in the file at once (secure_delete).
 */
import type { Command } from 'commander';
import { CompactionWindow, type CompactionOutcome } from '../../app/privacy/compaction-window.ts';
import type { PendingCompaction } from '../../store/compaction-repository.ts';
import { withStore } from '../with-store.ts';

const LOCK_NOTE = `
VACUUM FULL holds an ACCESS EXCLUSIVE lock on each table while it rewrites it (a running
server's writers wait); a table whose lock is not had within privacy.compactLockTimeoutMs
(BATON_COMPACT_LOCK_TIMEOUT_MS) is left for the next window, and said.`;

export function registerCompactCommand(program: Command): void {
  program
    .command('compact')
    .description(
      "PostgreSQL: rewrite now the tables the server's erasures left for the compaction window",
    )
    .addHelpText('after', LOCK_NOTE)
    .action(async () => {
      await withStore('compact', async (store, config) => {
        if (store.engine !== 'postgres') {
          console.log(
            'nothing to compact: on SQLite an erasure zeroes the deleted rows in the database file at once (secure_delete); no table waits for a window',
          );
          return;
        }
        const { compactAt, compactTimeZone, compactLockTimeoutMs } = config.privacy;
        const window = new CompactionWindow({
          store,
          compactAt,
          compactTimeZone,
          lockTimeoutMs: compactLockTimeoutMs,
          clock: () => new Date(),
          log: {
            info: () => undefined,
            warn: () => undefined,
            error: (obj, msg) => console.error(msg, obj),
          },
        });
        const outcome = await window.run('cli', false);
        report(outcome, compactLockTimeoutMs);
        if (outcome.lockTimedOut.length > 0 || outcome.notCompacted.length > 0)
          process.exitCode = 1;
      });
    });
}

function report(outcome: CompactionOutcome, lockTimeoutMs: number): void {
  const { compacted, lockTimedOut, notCompacted, checkpointed, pending } = outcome;
  const claimed = compacted.length + lockTimedOut.length + notCompacted.length;
  if (claimed === 0 && pending.length === 0) {
    console.log('nothing to compact: no erasure left a table waiting');
    return;
  }
  if (compacted.length > 0) console.log(`rewrote with VACUUM FULL: ${compacted.join(', ')}`);
  if (lockTimedOut.length > 0)
    console.log(
      `lock not had within ${lockTimeoutMs} ms (a transaction held it): ${lockTimedOut.join(', ')}`,
    );
  if (notCompacted.length > 0) console.log(`not rewritten: ${notCompacted.join(', ')}`);
  if (checkpointed === true) console.log('CHECKPOINT done');
  if (checkpointed === false)
    console.log('CHECKPOINT skipped: the database role is neither superuser nor in pg_checkpoint');
  if (pending.length === 0) console.log('nothing still pending');
  for (const p of pending) console.log(`still pending: ${p.table}, ${why(p)}, due ${p.dueAt}`);
}

/** Why a table still waits, from the last window that tried it. */
function why(p: PendingCompaction): string {
  switch (p.lastOutcome) {
    case 'lock-timeout':
      return `its lock was not had in time (${p.attempts} attempt(s))`;
    case 'not-rewritten':
      return 'VACUUM FULL skipped it: the database role does not own the table';
    case 'failed':
      return 'VACUUM FULL failed (the error is above or in the server log)';
    case 'unknown table':
      return 'not a table erasure deletes from: left alone';
    case null:
    default:
      // Never tried: another node's run holds it (its lease), or an erasure came meanwhile.
      return 'not tried yet (another node is compacting it, or it was erased from meanwhile)';
  }
}
