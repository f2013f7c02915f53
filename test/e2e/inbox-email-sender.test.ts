// An email's sender checks in the inbox: a message DKIM-signed by the From domain reads
// "Sender verified (DMARC pass)" beside the customer's name; one that forges the same From
// reads "Sender NOT verified: DMARC fail (p=reject), SPF fail, no DKIM", and its handoff card
// says the address may be forged. Mail goes in over a real SMTP socket; DNS is a stand-in.

import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CUSTOMER_DKIM, CUSTOMER_DNS, mime, SUPPORT } from '../helpers/customer-mail-domain.ts';
import { standInDns } from '../helpers/stand-in-dns.ts';
import { until } from '../helpers/until.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('email sender checks in the inbox', () => {
  const fixture = useChromiumAndServer({
    server: {
      dnsResolver: standInDns(CUSTOMER_DNS),
      env: {
        BATON_EMAIL_FROM: `Acme Support <${SUPPORT}>`,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: SUPPORT,
      },
    },
  });
  let client: Transporter;
  let signingClient: Transporter;

  beforeAll(async () => {
    const smtp = {
      host: '127.0.0.1',
      port: fixture.server.server.app.smtpPort,
      secure: false,
      ignoreTLS: true,
    };
    client = nodemailer.createTransport(smtp);
    signingClient = nodemailer.createTransport({ ...smtp, dkim: CUSTOMER_DKIM });
  }, BROWSER_TEST_TIMEOUT);

  afterAll(async () => {
    client?.close();
    signingClient?.close();
  });

  it(
    'marks the genuine mail verified and the forged one NOT verified',
    async () => {
      const envelope = { from: 'sarah@customer.test', to: [SUPPORT] };
      const body = 'My refund has not arrived, I want to talk to a human please';
      await signingClient.sendMail({
        envelope,
        raw: mime({ from: 'Sarah <sarah@customer.test>', messageId: '<real@customer.test>', body }),
      });
      await client.sendMail({
        envelope,
        raw: mime({ from: 'Sarah <sarah@customer.test>', messageId: '<fake@attacker.test>', body }),
      });
      const store = fixture.server.server.store;
      const genuine = await until(() =>
        store.conversations.findOpenByThread('email', '<real@customer.test>'),
      );
      const forged = await until(() =>
        store.conversations.findOpenByThread('email', '<fake@attacker.test>'),
      );

      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      const senderCheck = inbox.transcript.locator('.turn--customer .sender-check').first();
      await inbox.queueItem(genuine.id).click();
      await eventually(() => senderCheck.textContent()).toBe('Sender verified (DMARC pass)');
      expect(await senderCheck.getAttribute('title')).toBe('dmarc=pass spf=fail dkim=pass');

      await inbox.queueItem(forged.id).click();
      await eventually(() => senderCheck.textContent()).toBe(
        'Sender NOT verified: DMARC fail (p=reject), SPF fail, no DKIM',
      );
      const profile = inbox.page.getByRole('region', { name: 'Customer profile' });
      await eventually(() => profile.textContent()).toContain('the From address may be forged');
      await screenshot(inbox.page, 'inbox-email-sender-not-verified');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
