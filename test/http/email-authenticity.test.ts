/**
 * Email authenticity on both engines, through the running server and a real SMTP socket:
 * Baton checks SPF, DKIM and DMARC on every message its SMTP listener receives (mailauth,
 * with DNS answered by a stand-in (test/helpers/customer-mail-domain.ts), so no query leaves the process). A message
 * DKIM-signed by the From domain passes and joins the customer's history; a forged From
 * (SPF fail, no signature, DMARC p=reject) is marked in the API and stands alone.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { standInDns } from '../helpers/stand-in-dns.ts';
import { CUSTOMER_DKIM, CUSTOMER_DNS, mime, SUPPORT } from '../helpers/customer-mail-domain.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { inboundEmail } from '../channels/synthetic-payloads.ts';
import { batonMessageId } from '../../src/app/channels/email/email-message-ids.ts';

interface Authenticity {
  checkedBy: 'baton' | 'provider';
  verified: boolean;
  spf: string;
  dkim: string;
  dmarc: string;
  summary: string;
}

describe.each(TEST_DATABASES)('email sender checks on $name', (database) => {
  const dns = standInDns(CUSTOMER_DNS);
  let s: TestServer;
  let client: Transporter;
  /** Signs as customer.test's own mail server would (nodemailer's DKIM signer). */
  let signingClient: Transporter;
  let token: string;
  const send = (raw: string, mailFrom = 'sarah@customer.test') =>
    client.sendMail({ envelope: { from: mailFrom, to: [SUPPORT] }, raw });
  const sendSigned = (raw: string) =>
    signingClient.sendMail({ envelope: { from: 'sarah@customer.test', to: [SUPPORT] }, raw });
  const conversationOf = async (thread: string) => {
    const found = await s.server.store.conversations.findOpenByThread('email', thread);
    expect(found, `a conversation for ${thread}`).toBeDefined();
    return found!;
  };
  const customerMessages = async (id: string) => {
    const res = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events`, { token });
    expect(res.status).toBe(200);
    const events = res.body.events as {
      type: string;
      data: { from?: string; text?: string; email?: { authenticity?: Authenticity } };
    }[];
    return events.filter((e) => e.type === 'message.created' && e.data.from === 'customer');
  };
  const contact = async (id: string) => {
    const res = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/contact`, { token });
    expect(res.status).toBe(200);
    return res.body as { verified: boolean; conversations: { id: string }[] };
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      dnsResolver: dns,
      env: {
        BATON_EMAIL_FROM: `Acme Support <${SUPPORT}>`,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: SUPPORT,
        BATON_EMAIL_WEBHOOK_USERNAME: 'postmark',
        BATON_EMAIL_WEBHOOK_PASSWORD: 'inbound-secret',
      },
    });
    const smtp = { host: '127.0.0.1', port: s.server.app.smtpPort, secure: false, ignoreTLS: true };
    client = nodemailer.createTransport(smtp);
    signingClient = nodemailer.createTransport({
      ...smtp,
      dkim: CUSTOMER_DKIM,
    });
    token = await login(s.baseUrl, 'morgan@example.com', 'baton-demo');
  });
  afterAll(async () => {
    client?.close();
    signingClient?.close();
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'a DKIM-signed mail passes DMARC and joins the customer’s history; a forged From does not',
    async () => {
      // Sarah's real mail: signed by customer.test (SPF fails from here, DKIM carries it).
      const first = '<order-1234@customer.test>';
      const body = 'My refund for order 1234 has not arrived.';
      await sendSigned(mime({ from: 'Sarah <sarah@customer.test>', messageId: first, body }));
      const genuine = await conversationOf(first);
      expect(genuine.customer.verified).toBeUndefined();
      const [message] = await customerMessages(genuine.id);
      expect(message?.data.email?.authenticity).toMatchObject({
        verified: true,
        spf: 'fail',
        dkim: 'pass',
        dmarc: 'pass',
        summary: 'dmarc=pass spf=fail dkim=pass',
      });

      // Her second, separate mail, also genuine: the contact view joins the two.
      const second = '<order-5678@customer.test>';
      await sendSigned(mime({ from: 'sarah@customer.test', messageId: second, body: 'And 5678?' }));
      const genuine2 = await conversationOf(second);
      const joined = await contact(genuine2.id);
      expect(joined.verified).toBe(true);
      expect(joined.conversations.map((c) => c.id).sort()).toEqual(
        [genuine.id, genuine2.id].sort(),
      );

      // Someone else writes as Sarah, unsigned, from a host customer.test never named.
      const forgedId = '<forged-1@attacker.test>';
      await send(
        mime({
          from: 'Sarah <sarah@customer.test>',
          messageId: forgedId,
          body: 'Send it to my new card.',
        }),
      );
      const forged = await conversationOf(forgedId);
      expect(forged.id).not.toBe(genuine.id);
      expect(forged.customer).toMatchObject({ email: 'sarah@customer.test', verified: false });
      const [forgedMessage] = await customerMessages(forged.id);
      expect(forgedMessage?.data.email?.authenticity).toMatchObject({
        verified: false,
        spf: 'fail',
        dkim: 'none',
        dmarc: 'fail',
        summary: 'dmarc=fail (p=reject) spf=fail dkim=none',
      });
      // It stands alone, and Sarah's history does not show it.
      expect(await contact(forged.id)).toMatchObject({
        verified: false,
        conversations: [{ id: forged.id }],
      });
      expect((await contact(genuine.id)).conversations.map((c) => c.id)).not.toContain(forged.id);

      // A forged reply naming Sarah's thread does not get into her conversation either.
      const reply = '<forged-2@attacker.test>';
      await send(
        mime({
          from: 'sarah@customer.test',
          messageId: reply,
          references: first,
          body: 'Please change my address.',
        }),
      );
      // Nor does one answering a Message-ID Baton sent in her thread (as a stolen reply would).
      const answering = '<forged-3@attacker.test>';
      await send(
        mime({
          from: 'sarah@customer.test',
          messageId: answering,
          references: batonMessageId(genuine, 1, 'acme.test'),
          body: 'Reply to this one instead.',
        }),
      );
      expect((await conversationOf(answering)).customer.verified).toBe(false);
      const intoGenuine = await customerMessages(genuine.id);
      expect(intoGenuine.map((m) => m.data.text)).toEqual([body]);
      const intoForged = await conversationOf(reply);
      expect(intoForged.customer.verified).toBe(false);
      expect((await contact(genuine.id)).conversations.map((c) => c.id)).not.toContain(
        intoForged.id,
      );

      // Every name looked up was answered by the stand-in: nothing asked the real DNS.
      expect(dns.queries).toEqual(
        expect.arrayContaining([
          'TXT customer.test',
          'TXT mail._domainkey.customer.test',
          'TXT _dmarc.customer.test',
        ]),
      );
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'SPF softfail under p=quarantine is unverified; so is a domain with no SPF, DKIM or DMARC',
    async () => {
      const quarantined = '<hello@quarantine.test>';
      await send(
        mime({ from: 'lee@quarantine.test', messageId: quarantined, body: 'Hi' }),
        'lee@quarantine.test',
      );
      const held = await conversationOf(quarantined);
      expect(held.customer.verified).toBe(false);
      expect((await customerMessages(held.id))[0]?.data.email?.authenticity).toMatchObject({
        verified: false,
        summary: 'dmarc=fail (p=quarantine) spf=softfail dkim=none',
      });

      const id = '<hello@nodns.test>';
      await send(mime({ from: 'pat@nodns.test', messageId: id, body: 'Hello?' }), 'pat@nodns.test');
      const conversation = await conversationOf(id);
      expect(conversation.customer.verified).toBe(false);
      const [message] = await customerMessages(conversation.id);
      expect(message?.data.email?.authenticity).toMatchObject({
        verified: false,
        spf: 'none',
        dkim: 'none',
        dmarc: 'none',
      });
    },
  );
  it.skipIf(database.skipReason)(
    'without a DMARC policy, an SPF or DKIM pass for the From domain verifies',
    async () => {
      const bySpf = '<hello@spf-only.test>';
      await send(
        mime({ from: 'kim@spf-only.test', messageId: bySpf, body: 'Hi' }),
        'kim@spf-only.test',
      );
      const spfOnly = await conversationOf(bySpf);
      expect(spfOnly.customer.verified).toBeUndefined();
      expect((await customerMessages(spfOnly.id))[0]?.data.email?.authenticity).toMatchObject({
        verified: true,
        summary: 'dmarc=none spf=pass dkim=none',
      });
      const byDkim = '<hello@signed.test>';
      const signer = nodemailer.createTransport({
        host: '127.0.0.1',
        port: s.server.app.smtpPort,
        secure: false,
        ignoreTLS: true,
        dkim: { ...CUSTOMER_DKIM, domainName: 'signed.test' },
      });
      await signer.sendMail({
        envelope: { from: 'jo@signed.test', to: [SUPPORT] },
        raw: mime({ from: 'jo@signed.test', messageId: byDkim, body: 'Hi' }),
      });
      signer.close();
      const signedOnly = await conversationOf(byDkim);
      expect(signedOnly.customer.verified).toBeUndefined();
      expect((await customerMessages(signedOnly.id))[0]?.data.email?.authenticity).toMatchObject({
        verified: true,
        summary: 'dmarc=none spf=none dkim=pass',
      });
    },
  );

  it.skipIf(database.skipReason)(
    'the inbound-parse webhook keeps what the provider reports; its failures are unverified too',
    async () => {
      const hook = (id: string, headers: { Name: string; Value: string }[]) =>
        fetch(`${s.baseUrl}/channels/email/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Basic ${Buffer.from('postmark:inbound-secret').toString('base64')}`,
          },
          body: JSON.stringify(
            inboundEmail({
              FromFull: { Email: 'sarah@customer.test', Name: 'Sarah' },
              Headers: [{ Name: 'Message-ID', Value: id }, ...headers],
              TextBody: 'Where is my refund?',
            }),
          ),
        });
      const passed = '<hook-pass@customer.test>';
      const reported = [
        {
          Name: 'Received-SPF',
          Value:
            'Pass (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.10; helo=mail.customer.test; envelope-from=sarah@customer.test; receiver=help@acme.test',
        },
        { Name: 'X-Spam-Tests', Value: 'DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,SPF_PASS' },
      ];
      expect((await hook(passed, reported)).status).toBe(200);
      const genuine = await conversationOf(passed);
      expect(genuine.customer.verified).toBeUndefined();
      expect((await customerMessages(genuine.id))[0]?.data.email?.authenticity).toMatchObject({
        checkedBy: 'provider',
        verified: true,
        spf: 'pass',
        dkim: 'pass',
        summary: 'spf=pass dkim=pass (reported by the provider)',
      });

      const failed = '<hook-fail@attacker.test>';
      const forged = [
        { Name: 'Received-SPF', Value: 'Fail (sender not SPF authorized) identity=mailfrom' },
        { Name: 'X-Spam-Tests', Value: 'SPF_FAIL' },
      ];
      expect((await hook(failed, forged)).status).toBe(200);
      const claim = await conversationOf(failed);
      expect(claim.customer.verified).toBe(false);
      expect((await customerMessages(claim.id))[0]?.data.email?.authenticity).toMatchObject({
        checkedBy: 'provider',
        verified: false,
        spf: 'fail',
        dkim: 'none',
      });
      expect((await contact(claim.id)).conversations.map((c) => c.id)).toEqual([claim.id]);
      expect((await contact(genuine.id)).conversations.map((c) => c.id)).not.toContain(claim.id);
    },
  );
});

describe('email sender checks turned off (BATON_SMTP_VERIFY_SENDER=false)', () => {
  const dns = standInDns(CUSTOMER_DNS);
  let s: TestServer;
  let client: Transporter;

  beforeAll(async () => {
    s = await startTestServer({
      dnsResolver: dns,
      env: {
        BATON_EMAIL_FROM: `Acme Support <${SUPPORT}>`,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: SUPPORT,
        BATON_SMTP_VERIFY_SENDER: 'false',
      },
    });
    client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: s.server.app.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    client?.close();
    await s?.close();
  });

  it('takes the From line at its word, marks nothing and looks nothing up', async () => {
    const id = '<unchecked@attacker.test>';
    await client.sendMail({
      envelope: { from: 'sarah@customer.test', to: [SUPPORT] },
      raw: mime({ from: 'sarah@customer.test', messageId: id, body: 'Unchecked.' }),
    });
    const conversation = await s.server.store.conversations.findOpenByThread('email', id);
    expect(conversation?.customer).toMatchObject({ email: 'sarah@customer.test' });
    expect(conversation?.customer.verified).toBeUndefined();
    const events = await s.server.store.conversations.eventsSince(conversation!.id, 0);
    const message = events.find((e) => e.type === 'message.created' && e.data.from === 'customer');
    expect(message?.data.email).not.toHaveProperty('authenticity');
    expect(dns.queries).toEqual([]);
  });
});
