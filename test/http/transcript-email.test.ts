/**
 * "Email me this conversation" over HTTP, on both engines (docs/web.md, "Email me this
 * conversation"): the copy leaves through the email channel's SMTP relay (a local smtp-server
 * that records what it receives) with exactly the lines the customer was shown — no internal
 * note, nothing of the handoff packet — and is retried when the relay says "try later";
 * refused without a relay; limited per conversation and per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { startSmtpRelay, type Relayed } from '../helpers/smtp-relay.ts';

describe.each(TEST_DATABASES)('transcript by email on $name', (database) => {
  const relay = startSmtpRelay();
  let s: TestServer;
  let agent: string;
  const post = (path: string, token: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${path}`, { token, body });

  beforeAll(async () => {
    if (database.skipReason) return;
    const relayUrl = await relay.listen();
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: relayUrl,
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_TIMER_LEASE_MS: '1000',
      },
    });
    agent = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    await relay.close();
  });

  it.skipIf(database.skipReason)(
    'sends the lines the customer saw, without the note or the packet, after a 451',
    async () => {
      const settings = await api(s.baseUrl, 'GET', '/api/v1/widget/settings');
      expect(settings.body.transcriptByEmail).toBe(true);
      const c = await startConversation(s.baseUrl, { customer: { name: 'Ana' } });
      await post(`${c.id}/messages`, c.token, { text: 'My order A-77120 <b>never</b> came' });
      await post(`${c.id}/messages`, c.token, { action: 'request_human' });
      expect((await post(`${c.id}/claim`, agent)).status).toBe(200);
      expect((await post(`${c.id}/notes`, agent, { text: 'SECRET NOTE: refund ok' })).status).toBe(
        200,
      );
      await post(`${c.id}/messages`, agent, { text: 'Hi Ana, I am on it.' });

      relay.state.refuseNext = 1;
      const asked = await post(`${c.id}/transcript`, c.token, { email: 'ana@customer.test' });
      expect(asked.status).toBe(202);
      await until(() => relay.received[0], 15_000);
      const [{ to, mail }] = relay.received as [Relayed];
      expect(relay.state.refuseNext).toBe(0); // the 451 was answered, then retried
      expect(to).toEqual(['ana@customer.test']);
      expect(mail.subject).toBe('Your conversation with Acme Support');
      const body = (mail.text ?? '').trim().split('\n');

      // Exactly the customer-visible messages, in order, one line each.
      const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events?since=0`, {
        token: c.token,
      });
      const shown = seen.body.events
        .filter((e: any) => e.type === 'message.created' && e.data.text)
        .map((e: any) => e.data.text.split('\n')[0]);
      const lines = body.filter((l) => /^\[\d\d:\d\d\] /.test(l));
      expect(lines).toHaveLength(shown.length);
      shown.forEach((text: string, i: number) => expect(lines[i]).toContain(text));
      expect(lines).toContainEqual(
        expect.stringMatching(/^\[\d\d:\d\d\] You: My order A-77120 <b>never<\/b> came$/),
      );
      expect(lines.at(-1)).toMatch(/^\[\d\d:\d\d\] Alex[^:]*: Hi Ana, I am on it\.$/);
      const text = mail.text ?? '';
      expect(text).not.toContain('SECRET NOTE');
      for (const internal of ['packet', 'reasons', 'priority', 'policyVersion'])
        expect(text).not.toContain(internal);
      expect(mail.html).toBeFalsy();
      // Sent: the outbox row forgets the address (it was kept only for this send).
      await until(async () => {
        const rows = await s.server.store.db
          .selectFrom('timers')
          .select(['data', 'status'])
          .where('conversation_id', '=', c.id)
          .where('kind', '=', 'email.transcript')
          .execute();
        return rows.length === 1 && rows[0]?.status === 'done' ? rows[0] : undefined;
      });
      const rows = await s.server.store.db
        .selectFrom('timers')
        .select('data')
        .where('conversation_id', '=', c.id)
        .execute();
      expect(JSON.stringify(rows)).not.toContain('ana@customer.test');
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a malformed address, an agent, and a fourth copy within the hour',
    async () => {
      const c = await startConversation(s.baseUrl, {});
      const bad = await post(`${c.id}/transcript`, c.token, { email: 'not-an-address' });
      expect(bad.status).toBe(400);
      const byAgent = await post(`${c.id}/transcript`, agent, { email: 'x@customer.test' });
      // Only the customer's token asks (an agent is refused, here not even shown the chat).
      expect([403, 404]).toContain(byAgent.status);
      for (const n of [1, 2, 3])
        expect(
          (await post(`${c.id}/transcript`, c.token, { email: `p${n}@customer.test` })).status,
        ).toBe(202);
      const fourth = await post(`${c.id}/transcript`, c.token, { email: 'p4@customer.test' });
      expect(fourth.status).toBe(429);
      expect(fourth.body.error.code).toBe('RATE_LIMITED');
      // Per address too: three conversations may not send a fourth copy to one mailbox.
      for (const _ of [1, 2, 3]) {
        const other = await startConversation(s.baseUrl, {});
        expect(
          (await post(`${other.id}/transcript`, other.token, { email: 'same@customer.test' }))
            .status,
        ).toBe(202);
      }
      const other = await startConversation(s.baseUrl, {});
      const again = await post(`${other.id}/transcript`, other.token, {
        email: 'SAME@customer.test',
      });
      expect(again.status).toBe(429);
    },
  );
});

describe('transcript by email without an SMTP relay', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is not offered, and refused when asked for anyway', async () => {
    const settings = await api(s.baseUrl, 'GET', '/api/v1/widget/settings');
    expect(settings.body.transcriptByEmail).toBe(false);
    const c = await startConversation(s.baseUrl, {});
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/transcript`, {
      token: c.token,
      body: { email: 'ana@customer.test' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TRANSCRIPT_UNAVAILABLE');
  });
});
