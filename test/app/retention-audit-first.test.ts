/**
 * The audit row of an erasure is written before anything is deleted: when the deletion of a
 * conversation's rows and stored files, or the wipe of the database files after it, fails
 * half-way, the audit log still says who erased which conversations. For retention's pass
 * and for a customer's erasure, on both engines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOutErasure, planErasure } from '../../src/app/privacy/erasure-plan.ts';
import { expireConversations } from '../../src/app/privacy/retention-timer.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const t0 = new Date('2026-01-10T10:00:00.000Z');
const later = new Date('2026-03-10T10:00:00.000Z');

describe.each(TEST_DATABASES)('erasure audited first on $name', (database) => {
  let opened: OpenedTestStore;
  beforeEach(async (ctx) => {
    if (database.skipReason) ctx.skip();
    opened = await database.open();
  });
  afterEach(async () => {
    await opened?.cleanup();
  });

  async function closedConversation(id: string): Promise<void> {
    const { store } = opened;
    await store.conversations.create({
      id,
      channel: 'api',
      customer: { email: 'pat@example.com' },
      language: 'en',
      tokenHash: `h-${id}`,
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'api' } },
      ],
      now: t0,
    });
    await store.mediaFiles.put(
      id,
      'upload:1',
      { mimeType: 'application/pdf', fileName: 'invoice.pdf', content: Buffer.from('%PDF pat') },
      t0,
    );
    const resolved = await store.conversations.commit({
      conversationId: id,
      changes: { status: 'resolved', resolvedAt: t0.toISOString() },
      events: [{ type: 'conversation.resolved', actor: { type: 'system' }, data: { by: 'a1' } }],
      now: t0,
    });
    expect(resolved.ok).toBe(true);
  }

  const auditActions = async () =>
    (await opened.store.teamAudit.page({ limit: 10 })).entries.map((e) => ({
      action: e.action,
      actorId: e.actorId,
      changes: e.changes,
    }));

  it('retention: the deletion of rows and files fails, the audit row is there', async () => {
    await closedConversation('c_old');
    opened.store.erasure.erase = () => Promise.reject(new Error('disk gone mid-erase'));
    await expect(expireConversations(opened.store, 30, later)).rejects.toThrow(/disk gone/);
    expect(await auditActions()).toEqual([
      {
        action: 'conversations.expired',
        actorId: 'retention',
        changes: expect.objectContaining({ conversations: ['c_old'] }),
      },
    ]);
  });

  it('customer erasure: the wipe after the delete fails, the audit row is there', async () => {
    await closedConversation('c_pat');
    const target = { customer: 'pat@example.com' };
    const plan = await planErasure(opened.store, target, false);
    expect(plan.targets.map((c) => c.id)).toEqual(['c_pat']);
    opened.store.erasure.wipe = () => Promise.reject(new Error('crash before the wipe'));
    await expect(
      carryOutErasure(opened.store, plan, { actorId: 'cli', target, now: later }),
    ).rejects.toThrow(/crash/);
    expect(await opened.store.conversations.get('c_pat')).toBeUndefined();
    expect(await auditActions()).toEqual([
      {
        action: 'customer.erased',
        actorId: 'cli',
        changes: { selector: 'email', conversations: ['c_pat'], erased: 1 },
      },
    ]);
  });
});
