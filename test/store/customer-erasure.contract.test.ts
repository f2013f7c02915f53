/**
 * One person, four conversations (API with id + email + phone, API with the email in other
 * letter case, an email with an attachment, WhatsApp): erasing by the email finds all four
 * with their events, timers, webhook log and files, leaves another person alone, and — on
 * SQLite — leaves no byte of the address, the number or the attachment in the database or
 * its WAL (the `strings` check, done on the raw files). On PostgreSQL the rows are gone and
 * every table that held them has been vacuumed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOutErasure, planErasure } from '../../src/app/privacy/erasure-plan.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { ERASED_TABLES } from '../helpers/postgres-files.ts';

const t0 = new Date('2026-01-10T10:00:00.000Z');
const EMAIL = 'sarah.connor@example.com';
const NUMBER = '447700900123';
// Bytes no other row holds, in the clear and as the base64 they are stored as.
const ATTACHMENT = Buffer.from('%PDF-1.7 invoice-of-sarah-7f3c9a2e1b %%EOF');

describe.each(TEST_DATABASES)('erasing a customer on $name', (database) => {
  let opened: OpenedTestStore;
  beforeEach(async (ctx) => {
    if (database.skipReason) ctx.skip();
    opened = await database.open();
  });
  afterEach(async () => {
    await opened?.cleanup();
  });

  async function conversation(
    id: string,
    customer: Record<string, unknown>,
    options: { channel?: string; thread?: string; closed?: boolean } = {},
  ) {
    const { store } = opened;
    // What the person wrote and what was sent to them; another person's rows have their own.
    const email = customer.email === 'marc@example.com' ? 'marc@example.com' : EMAIL;
    const number = email === EMAIL ? NUMBER : '33612345678';
    await store.conversations.create({
      id,
      channel: options.channel ?? 'api',
      ...(options.thread ? { externalThread: options.thread } : {}),
      customer,
      language: 'en',
      tokenHash: `h-${id}`,
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'web' } },
      ],
      now: t0,
    });
    await store.conversations.commit({
      conversationId: id,
      events: [
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: `write to ${email} or call +${number}` },
        },
      ],
      timers: { schedule: [{ kind: 'channel.send', dueAt: t0, data: { to: email } }] },
      now: t0,
    });
    await store.webhooks.record(
      {
        id: `evt_${id}`,
        conversationId: id,
        seq: 2,
        type: 'message.created',
        url: 'http://hook.test',
        status: 'failed',
        attempts: 1,
        lastError: `rejected ${email}`,
      },
      t0,
    );
    if (options.closed !== false) {
      await store.conversations.commit({
        conversationId: id,
        changes: { status: 'resolved', resolvedAt: t0.toISOString() },
        events: [{ type: 'conversation.resolved', actor: { type: 'system' }, data: { by: 'a1' } }],
        now: t0,
      });
    }
  }

  async function fourConversations() {
    await conversation('c_api', {
      id: 'crm-4711',
      email: 'Sarah.Connor@Example.com',
      phone: '+44 7700 900123',
    });
    await conversation('c_case', { email: 'SARAH.CONNOR@example.COM' });
    await conversation(
      'c_mail',
      { id: `email:${EMAIL}`, email: EMAIL },
      { channel: 'email', thread: '<m1@example.com>' },
    );
    await opened.store.mediaFiles.put(
      'c_mail',
      'email:m1:0',
      { mimeType: 'application/pdf', fileName: 'invoice.pdf', content: ATTACHMENT },
      t0,
    );
    await conversation(
      'c_wa',
      { id: `whatsapp:${NUMBER}`, name: 'Sarah' },
      { channel: 'whatsapp', thread: `106540352242922:${NUMBER}` },
    );
    await conversation('c_other', { id: 'crm-1', email: 'marc@example.com' });
  }

  const rows = async (
    table: 'events' | 'timers' | 'webhook_deliveries' | 'media_files',
    id: string,
  ) =>
    Number(
      (
        await opened.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('conversation_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** PostgreSQL: how many times each table erasure touches was vacuumed (empty on SQLite). */
  async function vacuumCounts(): Promise<Record<string, number>> {
    if (database.name !== 'postgres') return {};
    const { rows: counts } = await sql<{ relname: string; vacuum_count: string }>`
      select relname, vacuum_count from pg_stat_user_tables
      where schemaname = ${opened.schema} and relname in (${sql.join(ERASED_TABLES)})`.execute(
      opened.store.db,
    );
    expect(counts.map((r) => r.relname).sort()).toEqual([...ERASED_TABLES].sort());
    return Object.fromEntries(counts.map((r) => [r.relname, Number(r.vacuum_count)]));
  }

  /** What `strings file | grep -i` would find: every secret still in the db or WAL file. */
  function leftInFiles(): string[] {
    const files = [opened.url, `${opened.url}-wal`].filter((f) => existsSync(f));
    const text = Buffer.concat(files.map((f) => readFileSync(f)))
      .toString('latin1')
      .toLowerCase();
    const secrets = {
      email: EMAIL,
      number: NUMBER,
      attachment: ATTACHMENT.toString('latin1').toLowerCase(),
      attachmentBase64: ATTACHMENT.toString('base64').slice(4, 40).toLowerCase(),
    };
    return Object.entries(secrets).flatMap(([what, needle]) =>
      text.includes(needle) ? [what] : [],
    );
  }

  it('finds all four conversations by the email, by the phone number and by the WhatsApp thread', async () => {
    await fourConversations();
    const ids = async (customer: string) =>
      (await planErasure(opened.store, { customer }, false)).targets.map((c) => c.id).sort();
    const all = ['c_api', 'c_case', 'c_mail', 'c_wa'];
    expect(await ids('Sarah.Connor@example.com')).toEqual(all);
    expect(await ids('+44 (7700) 900-123')).toEqual(all);
    expect(await ids('crm-4711')).toEqual(all);
    const thread = await planErasure(
      opened.store,
      { thread: { channel: 'whatsapp', value: `+${NUMBER}` } },
      false,
    );
    expect(thread.targets.map((c) => c.id)).toEqual(['c_wa']);
    expect(await ids('nobody@example.com')).toEqual([]);
  });

  it('erases everything of the person, then the bytes are gone from the files', async () => {
    await fourConversations();
    if (database.name === 'sqlite')
      expect(leftInFiles()).toEqual(['email', 'number', 'attachmentBase64']);
    const vacuumedBefore = await vacuumCounts();
    const plan = await planErasure(opened.store, { customer: EMAIL }, false);
    const outcome = await carryOutErasure(opened.store, plan, {
      actorId: 'cli',
      target: { customer: EMAIL },
      now: t0,
    });
    expect(outcome.erased).toBe(4);
    for (const id of ['c_api', 'c_case', 'c_mail', 'c_wa']) {
      expect(await opened.store.conversations.get(id)).toBeUndefined();
      for (const table of ['events', 'timers', 'webhook_deliveries', 'media_files'] as const)
        expect(await rows(table, id), `${table} of ${id}`).toBe(0);
    }
    expect(await opened.store.conversations.get('c_other')).toBeDefined();
    expect(await rows('events', 'c_other')).toBeGreaterThan(0);
    if (database.name === 'sqlite') {
      expect(outcome.walTruncated).toBe(true);
      expect(leftInFiles()).toEqual([]);
    } else {
      // PostgreSQL: every table that held the person's rows was vacuumed after the delete,
      // so the dead rows are pruned rather than left readable in the heap.
      const vacuumedAfter = await vacuumCounts();
      for (const [table, before] of Object.entries(vacuumedBefore))
        expect(vacuumedAfter[table], `VACUUM of ${table}`).toBeGreaterThan(before);
    }
    const audit = await opened.store.teamAudit.page({ limit: 5 });
    expect(audit.entries[0]).toMatchObject({ action: 'customer.erased', actorId: 'cli' });
    expect(audit.entries[0]?.changes).toMatchObject({ selector: 'email', erased: 4 });
    expect(JSON.stringify(audit.entries)).not.toMatch(/sarah|7700/i);
  });
});
