/**
 * The audit trail records after the action has happened: a failed write is reported to the
 * error log and never turned into an error for the person who acted (docs/team.md).
 */
import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/app/audit/audit-trail.ts';
import type { AgentRecord } from '../../src/core/records.ts';
import type { Store } from '../../src/store/store.ts';

const agent = { id: 'a_1', name: 'Alex' } as AgentRecord;

function trailWith(record: (entry: unknown) => Promise<unknown>) {
  const errors: unknown[] = [];
  const store = { teamAudit: { record } } as unknown as Store;
  const trail = new AuditTrail({ store, clock: () => new Date(0), onError: (e) => errors.push(e) });
  return { trail, errors };
}

describe('audit trail', () => {
  it('logs a failed write instead of failing the action', async () => {
    const { trail, errors } = trailWith(() => Promise.reject(new Error('disk full')));
    await expect(
      trail.conversation(agent, 'conversation.claimed', 'c_1', '10.0.0.7'),
    ).resolves.toBe(undefined);
    expect(errors).toEqual([new Error('disk full')]);
  });

  it('records a reply once, by seq, and not its retry', async () => {
    const rows: any[] = [];
    const { trail } = trailWith(async (entry) => rows.push(entry));
    await trail.reply(agent, 'c_1', '10.0.0.7', { duplicate: false, events: [{ seq: 7 }] });
    await trail.reply(agent, 'c_1', '10.0.0.7', { duplicate: true, events: [{ seq: 7 }] });
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'conversation.replied',
        actorId: 'a_1',
        changes: { conversationId: 'c_1', seq: 7 },
        ip: '10.0.0.7',
      }),
    ]);
  });
});
