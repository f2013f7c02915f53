/**
 * Email for real, on both engines: customers' mail arrives at Baton's SMTP listener (stored
 * before the 250), replies leave through an SMTP relay (a local smtp-server that records
 * what it receives) in the same thread, and a web chat continued by email gets its email
 * replies back into the same conversation.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startSmtpRelay } from '../helpers/smtp-relay.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { inboundEmail } from '../channels/synthetic-payloads.ts';
import { replyReceipts } from '../../src/core/conversation/reply-receipts.ts';

const SUPPORT = 'help@acme.test';

function mime(options: {
  from?: string;
  to?: string;
  messageId: string;
  subject?: string;
  inReplyTo?: string;
  references?: string;
  body: string;
  extraHeaders?: string;
}): string {
  return [
    `From: ${options.from ?? 'Sarah Jones <sarah@customer.test>'}`,
    `To: ${options.to ?? SUPPORT}`,
    `Subject: ${options.subject ?? 'Order 1234 has not arrived'}`,
    `Message-ID: ${options.messageId}`,
    'Date: Sun, 22 Nov 2026 09:58:00 +0000',
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
    ...(options.references ? [`References: ${options.references}`] : []),
    ...(options.extraHeaders ? [options.extraHeaders] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body,
  ].join('\r\n');
}

describe.each(TEST_DATABASES)('email through SMTP on $name', (database) => {
  const relay = startSmtpRelay();
  let s: TestServer;
  let client: Transporter;
  const send = (raw: string, to = SUPPORT) =>
    client.sendMail({ envelope: { from: 'sarah@customer.test', to: [to] }, raw });
  const store = () => s.server.store;
  /** What the inbox labels under the agents' replies, from the events the agent API serves. */
  const receipts = async (id: string, token: string) =>
    replyReceipts(
      (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, { token })).body
        .events,
    );

  beforeAll(async () => {
    if (database.skipReason) return;
    const relayUrl = await relay.listen();
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_EMAIL_FROM: `Acme Support <${SUPPORT}>`,
        BATON_EMAIL_SMTP_URL: relayUrl,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: `${SUPPORT}, @support.acme.test`,
        BATON_SMTP_MAX_BYTES: '20000',
        BATON_EMAIL_WEBHOOK_USERNAME: 'postmark',
        BATON_EMAIL_WEBHOOK_PASSWORD: 'inbound-secret',
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_TIMER_LEASE_MS: '1000',
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
    await relay.close();
  });

  it.skipIf(database.skipReason)(
    'accepts mail only for the support address, refuses oversize with 552, ignores robots',
    async () => {
      await expect(
        send(mime({ messageId: '<relay-try@customer.test>', body: 'hi' }), 'someone@else.test'),
      ).rejects.toMatchObject({ responseCode: 550 });
      const big = mime({ messageId: '<big@customer.test>', body: 'x'.repeat(30_000) });
      await expect(send(big)).rejects.toMatchObject({ responseCode: 552 });
      const autoReply = mime({
        messageId: '<ooo@customer.test>',
        subject: 'Out of office',
        body: 'I am away until Monday.',
        extraHeaders: 'Auto-Submitted: auto-replied',
      });
      expect((await send(autoReply)).response).toMatch(/^250/);
      for (const id of ['<relay-try@customer.test>', '<big@customer.test>', '<ooo@customer.test>'])
        expect(await store().conversations.findOpenByThread('email', id)).toBeUndefined();
    },
  );

  it.skipIf(database.skipReason)(
    'keeps attachments: the inbox opens them from Baton, and erasure removes them',
    async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      // Pat, not Sarah: the other tests look for the replies sent to Sarah.
      const raw = [
        'From: Pat Doe <pat@customer.test>',
        `To: ${SUPPORT}`,
        'Subject: Damaged box',
        'Message-ID: <photo@customer.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The box arrived damaged, photo attached.',
        '--b1',
        'Content-Type: image/png; name="box.png"',
        'Content-Disposition: attachment; filename="box.png"',
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--b1--',
      ].join('\r\n');
      expect((await send(raw)).response).toMatch(/^250/);
      const conversation = (await store().conversations.findOpenByThread(
        'email',
        '<photo@customer.test>',
      ))!;
      const message = (await store().conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.data.from === 'customer',
      )!;
      const [media] = message.data.media as Array<Record<string, unknown>>;
      // The message keeps the reference only; the bytes are stored apart.
      expect(media).toEqual({
        kind: 'image',
        ref: 'mid:photo@customer.test/0',
        mimeType: 'image/png',
        fileName: 'box.png',
        size: png.byteLength,
      });
      // A supervisor: the email may still be with the bot, which an agent cannot open.
      const agent = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const url = `${s.baseUrl}/api/v1/conversations/${conversation.id}/media/${encodeURIComponent(String(media!.ref))}`;
      const file = await fetch(url, { headers: { authorization: `Bearer ${agent}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('content-disposition')).toBe('inline');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
      const other = `${s.baseUrl}/api/v1/conversations/${conversation.id}/media/${encodeURIComponent('mid:photo@customer.test/7')}`;
      expect((await fetch(other, { headers: { authorization: `Bearer ${agent}` } })).status).toBe(
        404,
      );
      expect((await fetch(url)).status).toBe(401);

      // Erase once the bot's answer has gone out and been recorded: nothing is still being
      // written to the conversation.
      await until(async () =>
        (await store().conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.type === 'message.delivery',
        ),
      );
      await store().erasure.erase([conversation.id]);
      expect(await store().mediaFiles.get(conversation.id, String(media!.ref))).toBeUndefined();
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'writes a choice out as numbered options with the words to type; the number chooses',
    async () => {
      await send(
        mime({
          from: 'Omar Haddad <omar@customer.test>',
          messageId: '<refund@customer.test>',
          subject: 'Refund',
          body: 'I want to talk to a human about a refund',
        }),
      );
      const conversation = await until(() =>
        store().conversations.findOpenByThread('email', '<refund@customer.test>'),
      );
      const asked = await until(async () =>
        (await store().conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.data.prompt === 'explicit_handoff',
        ),
      );
      const mail = await until(() =>
        relay.received.find(
          (r) => r.to.includes('omar@customer.test') && /Reply with/.test(r.mail.text ?? ''),
        ),
      );
      expect(mail.mail.text?.trim()).toBe(
        `${String(asked.data.text)}\n\nReply with the number:\n1) Connect now\n2) Share details first`,
      );
      await send(
        mime({
          from: 'Omar Haddad <omar@customer.test>',
          messageId: '<refund-2@customer.test>',
          subject: 'Re: Refund',
          inReplyTo: mail.mail.messageId,
          body: `2\r\n\r\nOn Sun, 22 Nov 2026 at 10:00, Acme Support <help@acme.test> wrote:\r\n> Reply with the number:`,
        }),
      );
      const chosen = await until(async () =>
        (await store().conversations.eventsSince(conversation.id, 0)).find(
          (e) => e.data.from === 'customer' && e.data.choice === 'share_details',
        ),
      );
      expect(chosen.data.answers).toBe(asked.seq);
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'stores before the 250, once per Message-ID, and answers in the same thread',
    async () => {
      const first = mime({
        messageId: '<first@customer.test>',
        body: 'How long does shipping take?\r\n\r\n-- \r\nSarah Jones\r\nSent from my phone',
      });
      const accepted = await send(first);
      expect(accepted.response).toMatch(/^250/);
      // Persisted before the 250: no waiting needed.
      const conversation = await store().conversations.findOpenByThread(
        'email',
        '<first@customer.test>',
      );
      expect(conversation?.customer).toMatchObject({ email: 'sarah@customer.test' });
      await send(first); // the sending server retries: stored once
      const bot = await until(() =>
        relay.received.find((r) => r.to.includes('sarah@customer.test')),
      );
      const events = await store().conversations.eventsSince(conversation!.id, 0);
      const customer = events.filter((e) => e.data.from === 'customer');
      expect(customer).toHaveLength(1);
      expect(customer[0]!.data.text).toBe('How long does shipping take?');
      expect(bot.mail.subject).toBe('Re: Order 1234 has not arrived');
      expect(bot.mail.inReplyTo).toBe('<first@customer.test>');
      expect(bot.mail.references).toContain('<first@customer.test>');
      expect(bot.mail.messageId).toMatch(new RegExp(`^<baton\\.${conversation!.id}\\.\\d+\\.`));
      expect(bot.header('auto-submitted')).toBe('auto-replied');
      expect(bot.mail.from?.address).toBe(SUPPORT);
      expect(bot.mail.text).toMatch(/business days/);

      // A reply that keeps only In-Reply-To (no References) still finds the conversation.
      await send(
        mime({
          messageId: '<second@customer.test>',
          subject: 'Re: Order 1234 has not arrived',
          inReplyTo: bot.mail.messageId,
          body: 'I want to talk to a human please\r\n\r\nOn Sun, 22 Nov 2026 at 10:00, Acme Support <help@acme.test> wrote:\r\n> Shipping takes 3-5 business days.',
        }),
      );
      const handedOver = await until(async () => {
        const c = await store().conversations.get(conversation!.id);
        return c?.status === 'queued' ? c : undefined;
      });
      const second = (await store().conversations.eventsSince(handedOver.id, 0)).find(
        (e) => e.data.providerMessageId === '<second@customer.test>',
      );
      expect(second?.data.text).toBe('I want to talk to a human please');

      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation!.id}/claim`, {
        token: agent,
      });
      relay.state.refuseNext = 1; // the relay answers 451 once: retried, not lost
      const posted = await api(
        s.baseUrl,
        'POST',
        `/api/v1/conversations/${conversation!.id}/messages`,
        { token: agent, body: { text: 'Hi Sarah, Alex here. Your parcel left today.' } },
      );
      expect(posted.status).toBe(201);
      const human = await until(
        () => relay.received.find((r) => r.mail.text?.includes('Alex here')),
        20_000,
      );
      expect(human.to).toEqual(['sarah@customer.test']);
      // It answers the latest email of the thread: Sarah's, or a bot email sent after it.
      const earlier = relay.received
        .filter((r) => r.to.includes('sarah@customer.test') && r !== human)
        .map((r) => r.mail.messageId);
      expect(['<second@customer.test>', ...earlier]).toContain(human.mail.inReplyTo);
      const references = human.mail.references?.split(/\s+/);
      expect(references?.[0]).toBe('<first@customer.test>');
      expect(references).toContain('<second@customer.test>');
      expect(human.header('auto-submitted')).toBeUndefined();
      expect(relay.received.filter((r) => r.mail.text?.includes('Alex here'))).toHaveLength(1);
      const delivery = await until(async () =>
        (await store().conversations.eventsSince(conversation!.id, 0)).find(
          (e) => e.type === 'message.delivery' && e.data.providerMessageId === human.mail.messageId,
        ),
      );
      expect(delivery.data).toMatchObject({ status: 'sent', channel: 'email' });

      // The customer's server bounces it later: a failed status the agent sees. A bounce
      // naming a forged Baton id changes nothing.
      const bounce = (originalId: string, id: string) =>
        [
          'From: MAILER-DAEMON@mx.customer.test',
          `To: ${SUPPORT}`,
          `Message-ID: <${id}@mx.customer.test>`,
          'Subject: Undelivered Mail Returned to Sender',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
          '',
          '--B',
          'Content-Type: message/delivery-status',
          '',
          'Action: failed',
          'Status: 5.2.2',
          'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
          '--B',
          'Content-Type: text/rfc822-headers',
          '',
          `Message-ID: ${originalId}`,
          '--B--',
        ].join('\r\n');
      const forgedId = human.mail.messageId!.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
      expect((await send(bounce(forgedId, 'dsn-forged'))).response).toMatch(/^250/);
      expect((await send(bounce(human.mail.messageId!, 'dsn-1'))).response).toMatch(/^250/);
      const statuses = (await store().conversations.eventsSince(conversation!.id, 0)).filter(
        (e) => e.type === 'message.status',
      );
      expect(statuses.map((e) => e.data)).toEqual([
        {
          providerMessageId: human.mail.messageId,
          status: 'failed',
          error: 'smtp; 552 5.2.2 Mailbox full',
        },
      ]);
      // The inbox says so under the reply: "Not delivered: smtp; 552 5.2.2 Mailbox full".
      const shown = await receipts(conversation!.id, agent);
      expect([...shown.failed]).toEqual([[delivery.data.seq, 'smtp; 552 5.2.2 Mailbox full']]);
      expect(shown).toMatchObject({ seen: 0, delivered: 0 });

      // Resolved: the survey goes out by email; Sarah's reply to it is her rating.
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation!.id}/resolve`, {
        token: agent,
        body: { resolved: true },
      });
      const survey = await until(() =>
        relay.received.find((r) => /rate this conversation from 1/.test(r.mail.text ?? '')),
      );
      expect(survey.mail.text).toMatch(/Reply with the number/);
      await send(
        mime({
          messageId: '<rating@customer.test>',
          subject: 'Re: Order 1234 has not arrived',
          inReplyTo: survey.mail.messageId,
          body: '4 - fast, thanks\r\n\r\nOn Sun, 22 Nov 2026 at 10:30, Acme Support <help@acme.test> wrote:\r\n> How did we do?',
        }),
      );
      const rating = await until(async () =>
        (await store().conversations.eventsSince(conversation!.id, 0)).find(
          (e) => e.type === 'csat.submitted',
        ),
      );
      expect(rating.data).toEqual({ rating: 4, comment: 'fast, thanks', via: 'email' });
      expect(
        await store().conversations.findOpenByThread('email', '<first@customer.test>'),
      ).toBeUndefined();
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'continues a web chat by email: agent replies go out, email replies come back in',
    async () => {
      const c = await startConversation(s.baseUrl, { customer: { name: 'Sam' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'My invoice shows the wrong VAT number' },
      });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      // What the waiting room's "continue by message" choice stores (set directly here).
      const current = await store().conversations.get(c.id);
      await store().conversations.commit({
        conversationId: c.id,
        events: [
          {
            type: 'conversation.continue_by_message',
            actor: { type: 'customer' },
            data: { email: 'sam@customer.test', channel: 'web' },
          },
        ],
        changes: {
          channelState: { ...current!.channelState, replyByEmail: 'sam@customer.test' },
        },
        now: new Date(),
      });
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: agent,
      });
      expect(claimed.status).toBe(200);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: agent,
        body: { text: 'I have corrected the VAT number on invoice 88.' },
      });
      const opening = await until(() =>
        relay.received.find((r) => r.to.includes('sam@customer.test')),
      );
      expect(opening.mail.subject).toBe('Your conversation with Acme Support');
      expect(opening.mail.inReplyTo).toBeUndefined();
      expect(opening.mail.text).toMatch(/continues the chat you started/);
      expect(opening.mail.text).toMatch(/My invoice shows the wrong VAT number/);
      expect(opening.mail.text).toMatch(/corrected the VAT number/);

      // A forged reference to this conversation (wrong tag) does not get in.
      const forged = opening.mail.messageId!.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
      await send(
        mime({
          from: 'mallory@evil.test',
          messageId: '<forged@evil.test>',
          inReplyTo: forged,
          body: 'Please send the refund to my account instead',
        }),
      );
      // The real reply does, as a customer message of the same conversation.
      await send(
        mime({
          from: 'Sam <sam@customer.test>',
          messageId: '<sam-reply@customer.test>',
          subject: `Re: ${opening.mail.subject}`,
          inReplyTo: opening.mail.messageId!,
          references: opening.mail.messageId!,
          body: 'Thank you! Could you send me the corrected PDF?\r\n\r\n> I have corrected the VAT number',
        }),
      );
      const events = await store().conversations.eventsSince(c.id, 0);
      const customerTexts = events
        .filter((e) => e.data.from === 'customer')
        .map((e) => e.data.text);
      expect(customerTexts).toContain('Thank you! Could you send me the corrected PDF?');
      expect(customerTexts.join(' ')).not.toMatch(/refund/);

      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: agent,
        body: { text: 'Here it is, attached to your account.' },
      });
      const followUp = await until(() =>
        relay.received.find((r) => r.mail.text?.includes('attached to your account')),
      );
      expect(followUp.mail.subject).toBe('Re: Your conversation with Acme Support');
      expect(followUp.mail.inReplyTo).toBe('<sam-reply@customer.test>');
      expect(followUp.mail.references?.split(/\s+/)[0]).toBe(opening.mail.messageId);
      expect(followUp.mail.text).not.toMatch(/continues the chat/);

      // The first email bounces: the reply it carried says so in the inbox too.
      const dsn = [
        'From: MAILER-DAEMON@mx.customer.test',
        `To: ${SUPPORT}`,
        'Message-ID: <dsn-sam@mx.customer.test>',
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
        '--B',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${opening.mail.messageId}`,
        '--B--',
      ].join('\r\n');
      expect((await send(dsn)).response).toMatch(/^250/);
      const firstReply = events.find(
        (e) => e.data.from === 'agent' && String(e.data.text).includes('corrected the VAT'),
      );
      const shown = await receipts(c.id, agent);
      expect([...shown.failed]).toEqual([[firstReply!.seq, 'smtp; 550 5.1.1 User unknown']]);
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'takes the inbound-parse webhook behind Basic auth into the same threading, and bounces',
    async () => {
      const body = JSON.stringify(
        inboundEmail({
          FromFull: { Email: 'lee@customer.test', Name: 'Lee' },
          Headers: [{ Name: 'Message-ID', Value: '<hook-1@customer.test>' }],
          TextBody: 'Do you ship to Norway?',
        }),
      );
      const hook = (password: string) =>
        fetch(`${s.baseUrl}/channels/email/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Basic ${Buffer.from(`postmark:${password}`).toString('base64')}`,
          },
          body,
        });
      const wrong = await hook('not-the-secret');
      expect(wrong.status).toBe(403);
      expect(await store().conversations.findOpenByThread('email', '<hook-1@customer.test>')).toBe(
        undefined,
      );
      expect((await hook('inbound-secret')).status).toBe(200);
      const conversation = await store().conversations.findOpenByThread(
        'email',
        '<hook-1@customer.test>',
      );
      expect(conversation?.customer).toMatchObject({ email: 'lee@customer.test' });
      const answer = await until(() =>
        relay.received.find((r) => r.to.includes('lee@customer.test')),
      );
      expect(answer.mail.inReplyTo).toBe('<hook-1@customer.test>');

      // A bounce names the Message-ID Baton sent, which names the conversation.
      const bounce = await fetch(`${s.baseUrl}/channels/email/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from('postmark:inbound-secret').toString('base64')}`,
        },
        body: JSON.stringify({
          RecordType: 'Bounce',
          MessageID: answer.mail.messageId,
          Description: 'mailbox not found',
        }),
      });
      expect(bounce.status).toBe(200);
      const status = (await store().conversations.eventsSince(conversation!.id, 0)).find(
        (e) => e.type === 'message.status',
      );
      expect(status?.data).toMatchObject({
        providerMessageId: answer.mail.messageId,
        status: 'failed',
        error: 'mailbox not found',
      });
    },
    20_000,
  );

  it.skipIf(database.skipReason)(
    "shows the provider's Delivery, Open and Bounce records under the agent's email replies",
    async () => {
      const post = (record: unknown) =>
        fetch(`${s.baseUrl}/channels/email/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Basic ${Buffer.from('postmark:inbound-secret').toString('base64')}`,
          },
          body: JSON.stringify(record),
        });
      const asked = await post(
        inboundEmail({
          FromFull: { Email: 'kim@customer.test', Name: 'Kim' },
          Headers: [{ Name: 'Message-ID', Value: '<kim-1@customer.test>' }],
          TextBody: 'I want to talk to a human please',
        }),
      );
      expect(asked.status).toBe(200);
      const conversation = await until(async () => {
        const c = await store().conversations.findOpenByThread('email', '<kim-1@customer.test>');
        return c && ['queued', 'offered'].includes(c.status) ? c : undefined;
      });
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
        token: agent,
      });
      expect(claim.status).toBe(200);
      /** The agent's reply, once the relay has it: its seq and the Message-ID it went with. */
      const reply = async (text: string) => {
        const posted = await api(
          s.baseUrl,
          'POST',
          `/api/v1/conversations/${conversation.id}/messages`,
          { token: agent, body: { text } },
        );
        expect(posted.status).toBe(201);
        const mail = await until(() => relay.received.find((r) => r.mail.text?.includes(text)));
        const delivery = await until(async () =>
          (await store().conversations.eventsSince(conversation.id, 0)).find(
            (e) =>
              e.type === 'message.delivery' && e.data.providerMessageId === mail.mail.messageId,
          ),
        );
        return { seq: Number(delivery.data.seq), messageId: mail.mail.messageId! };
      };
      const shown = () => receipts(conversation.id, agent);

      const first = await reply('Kim, Alex here: your refund is on its way.');
      expect(await shown()).toMatchObject({ seen: 0, delivered: 0 });
      // Postmark's Delivery record: "Delivered" under the reply. Its MessageID may come
      // without the angle brackets.
      const delivered = await post({
        RecordType: 'Delivery',
        MessageID: first.messageId.slice(1, -1),
        DeliveredAt: new Date().toISOString(),
      });
      expect(delivered.status).toBe(200);
      expect(await shown()).toMatchObject({ seen: 0, delivered: first.seq });
      // An Open record (Postmark's open tracking): "Seen".
      expect((await post({ RecordType: 'Open', MessageID: first.messageId })).status).toBe(200);
      expect(await shown()).toMatchObject({ seen: first.seq, delivered: 0 });

      // A later reply bounces: "Not delivered: <Postmark's description>" under it alone.
      const second = await reply('Kim, the receipt is attached to your account.');
      const bounced = await post({
        RecordType: 'Bounce',
        MessageID: second.messageId,
        Description:
          'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      });
      expect(bounced.status).toBe(200);
      const after = await shown();
      expect([...after.failed]).toEqual([
        [
          second.seq,
          'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
        ],
      ]);
      expect(after.seen).toBe(first.seq);
    },
    30_000,
  );
});
