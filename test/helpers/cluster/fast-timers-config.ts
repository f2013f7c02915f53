/**
 * A config file (BATON_CONFIG) with the default queues on fast clocks: first-response SLA
 * of 10 s, offers that expire after 5 s (the least allowed), open around the clock, and the
 * next offer round 1 s after everyone passed. Timers then fire every few seconds on every
 * waiting conversation, which is what the cluster test counts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';

export const SLA_SECONDS = 10; // the least a queue allows
export const OFFER_SECONDS = 5;

/** Writes the file and returns its path (JSON is YAML). */
export function writeFastTimersConfig(): string {
  const queues = DEFAULT_QUEUES.map((q) => ({
    ...q,
    calendarId: 'always',
    sla: { ...q.sla, firstResponseSeconds: SLA_SECONDS },
    assignment:
      q.assignment.type === 'offer'
        ? { type: 'offer', timeoutSeconds: OFFER_SECONDS }
        : q.assignment,
  }));
  const config = { routing: { queues, deadEnds: { offerRoundPauseSeconds: 1 } } };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-config-')), 'baton.config.yaml');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
