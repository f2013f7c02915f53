/**
 * The admin API for a person's data, on a real server: export finds the four conversations
 * of one person (API with id + email + phone, API with the email in other case, an email
 * with an attachment, WhatsApp) with events and the file's bytes; erase is a dry run until
 * confirmed, then takes them all; both are audited; agents and supervisors get 403.
 * Retention by age erases closed conversations on its timer.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { expectOutboxExported, seedOutboxAndDelivery } from '../helpers/outbox-rows.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const IDENTITY_SECRET = 'identity-secret-privacy-0123';

const ATTACHMENT = Buffer.from('%PDF-1.7 the invoice bytes');
const DAY_MS = 86_400_000;

describe.each(TEST_DATABASES)('customer export and erasure API ($name)', (database) => {
  let s: TestServer;
  let offsetMs = 0;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_RETENTION_DAYS: '30',
        BATON_RETENTION_CHECK_MS: '100',
        BATON_IDENTITY_SECRET: IDENTITY_SECRET,
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function channelConversation(
    id: string,
    channel: string,
    thread: string,
    customer: Record<string, unknown>,
  ) {
    await s.server.store.conversations.create({
      id,
      channel,
      externalThread: thread,
      customer,
      language: 'en',
      tokenHash: `h-${id}`,
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel } },
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: 'hello' },
        },
      ],
      now: new Date(),
    });
  }

  it.skipIf(database.skipReason)(
    "exports and erases one person's conversations on every channel, admins only",
    async () => {
      // Signed by the host site in an identity token, so its email and phone link to the
      // person's other conversations (sent beside a userHash, or unsigned, they would link no
      // one: docs/security.md, test/http/claimed-identities.test.ts).
      const identityToken = await new SignJWT({
        email: 'Sarah@Example.com',
        phone: '+44 7700 900123',
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('crm-9')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(IDENTITY_SECRET));
      const first = await startConversation(s.baseUrl, { identityToken });
      const second = await startConversation(s.baseUrl, {
        customer: { email: 'sarah@EXAMPLE.com' },
      });
      await channelConversation('c_mail', 'email', '<m1@example.com>', {
        id: 'email:sarah@example.com',
        email: 'sarah@example.com',
      });
      await s.server.store.mediaFiles.put(
        'c_mail',
        'email:m1:0',
        { mimeType: 'application/pdf', fileName: '../../invoice.pdf', content: ATTACHMENT },
        new Date(),
      );
      await channelConversation('c_wa', 'whatsapp', '106540352242922:447700900123', {
        id: 'whatsapp:447700900123',
      });
      const other = await startConversation(s.baseUrl, { customer: { email: 'marc@example.com' } });
      await seedOutboxAndDelivery(s.server.store, 'c_mail', 'sarah@example.com');
      await seedOutboxAndDelivery(s.server.store, other.id, 'marc@example.com');
      // A lifecycle timer is listed apart from the outbox (a call back promised for tomorrow).
      const followUpAt = new Date(Date.now() + DAY_MS);
      await s.server.store.timers.schedule(
        'c_mail',
        { kind: 'follow_up.due', dueAt: followUpAt, data: { reason: 'callback' } },
        new Date(),
      );
      const all = [first.id, second.id, 'c_mail', 'c_wa'].sort();

      const agent = await login(s.baseUrl, s.demoAgent.email, DEMO_PASSWORD);
      const supervisor = await login(s.baseUrl, 'riley@example.com', DEMO_PASSWORD);
      const admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
      const exportPath = '/api/v1/customers/export?customer=sarah%40example.com';
      for (const token of [agent, supervisor]) {
        expect((await api(s.baseUrl, 'GET', exportPath, { token })).status).toBe(403);
        const erase = { customer: 'sarah@example.com', confirm: true };
        expect(
          (await api(s.baseUrl, 'POST', '/api/v1/customers/erase', { token, body: erase })).status,
        ).toBe(403);
      }

      const exported = await api(s.baseUrl, 'GET', exportPath, { token: admin });
      expect(exported.status).toBe(200);
      expect(exported.body.format).toBe('baton.customer-export/1');
      expect(exported.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual(all);
      const mail = exported.body.conversations.find((c: { id: string }) => c.id === 'c_mail');
      expect(mail.events.map((e: { type: string }) => e.type)).toContain('message.created');
      expectOutboxExported(exported.body, mail, 'c_mail', 'sarah@example.com');
      expect(mail.timers).toEqual([
        expect.objectContaining({
          kind: 'follow_up.due',
          status: 'pending',
          dueAt: followUpAt.toISOString(),
          data: { reason: 'callback' },
        }),
      ]);
      // Marc's send and delivery are his own: not a word of them in Sarah's export.
      expect(JSON.stringify(exported.body)).not.toMatch(new RegExp(`marc@|${other.id}`));
      expect(exported.body.files).toHaveLength(1);
      // The customer's file name cannot climb out of the export folder.
      expect(exported.body.files[0].path).toMatch(/^attachments\/c_mail\/1-[\w.-]+invoice\.pdf$/);
      expect(exported.body.files[0].path).not.toContain('../');
      expect(Buffer.from(exported.body.files[0].contentBase64, 'base64').equals(ATTACHMENT)).toBe(
        true,
      );

      const body = { customer: '+447700900123', includeOpen: true };
      const dry = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', { token: admin, body });
      expect(dry.body).toMatchObject({ dryRun: true, erased: 0, leftOpen: 0 });
      expect(dry.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual(all);
      expect(await s.server.store.conversations.get('c_wa')).toBeDefined();

      const done = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
        token: admin,
        body: { ...body, confirm: true },
      });
      expect(done.body).toMatchObject({ dryRun: false, erased: 4 });
      for (const id of all) expect(await s.server.store.conversations.get(id)).toBeUndefined();
      expect(await s.server.store.mediaFiles.get('c_mail', 'email:m1:0')).toBeUndefined();
      // Erasure takes the same rows the export showed.
      expect(await s.server.store.timers.allFor('c_mail')).toEqual([]);
      expect(await s.server.store.webhooks.listFor('c_mail')).toEqual([]);
      expect(await s.server.store.webhooks.listFor(other.id)).toHaveLength(1);
      expect(await s.server.store.conversations.get(other.id)).toBeDefined();

      const audit = await api(s.baseUrl, 'GET', '/api/v1/team/audit', { token: admin });
      const actions = audit.body.entries.map((e: { action: string }) => e.action);
      expect(actions.slice(0, 2)).toEqual(['customer.erased', 'customer.exported']);
      expect(JSON.stringify(audit.body)).not.toMatch(/sarah|7700/i);
    },
  );

  it.skipIf(database.skipReason)(
    'erases conversations closed longer ago than the retention period, on its timer',
    async () => {
      const closed = await startConversation(s.baseUrl, { customer: { id: 'old-customer' } });
      const open = await startConversation(s.baseUrl, { customer: { id: 'still-talking' } });
      await s.server.store.conversations.commit({
        conversationId: closed.id,
        changes: { status: 'resolved', resolvedAt: new Date().toISOString() },
        events: [{ type: 'conversation.resolved', actor: { type: 'system' }, data: { by: 'a1' } }],
        now: new Date(),
      });
      // Not yet past 30 days: a few timer passes leave it.
      await new Promise((r) => setTimeout(r, 300));
      expect(await s.server.store.conversations.get(closed.id)).toBeDefined();
      offsetMs = 31 * DAY_MS;
      await until(async () =>
        (await s.server.store.conversations.get(closed.id)) ? undefined : true,
      );
      expect(await s.server.store.conversations.get(open.id)).toBeDefined();
      const audit = await s.server.store.teamAudit.page({ limit: 1 });
      expect(audit.entries[0]).toMatchObject({
        action: 'conversations.expired',
        actorId: 'retention',
      });
      // PostgreSQL: the tables it deleted from wait for the compaction window (SQLite: none).
      const pending = (await s.server.store.compaction.pending()).map((p) => p.table);
      expect(pending.includes('conversations')).toBe(database.name === 'postgres');
    },
  );
});
