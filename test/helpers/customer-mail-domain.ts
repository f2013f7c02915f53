/**
 * A customer's mail domain as Baton's sender checks see it: the DNS records (for the
 * stand-in resolver, test/helpers/stand-in-dns.ts), a DKIM key to sign with (nodemailer's
 * `dkim` option), and plain RFC 5322 messages to the support address.
 */
import { generateKeyPairSync } from 'node:crypto';

export const SUPPORT = 'help@acme.test';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkimKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/**
 * customer.test's DNS: its mail leaves from 192.0.2.10 (the tests connect from 127.0.0.1,
 * so SPF fails for all of them), it signs with selector `mail`, and asks receivers to reject
 * what fails DMARC. quarantine.test soft-fails strangers and asks for quarantine. spf-only.test
 * and signed.test publish no DMARC policy; any other domain publishes nothing.
 */
export const CUSTOMER_DNS = {
  'TXT customer.test': ['v=spf1 ip4:192.0.2.10 -all'],
  'TXT mail._domainkey.customer.test': [`v=DKIM1; k=rsa; p=${dkimKey}`],
  'TXT _dmarc.customer.test': ['v=DMARC1; p=reject; adkim=r; aspf=r'],
  'A customer.test': ['192.0.2.10'],
  'TXT quarantine.test': ['v=spf1 ip4:192.0.2.20 ~all'],
  'TXT _dmarc.quarantine.test': ['v=DMARC1; p=quarantine'],
  // No DMARC policy: the local host may send for spf-only.test; signed.test signs.
  'TXT spf-only.test': ['v=spf1 ip4:127.0.0.1 -all'],
  'TXT mail._domainkey.signed.test': [`v=DKIM1; k=rsa; p=${dkimKey}`],
};

/** nodemailer's `dkim` transport option: signs as customer.test's own mail server would. */
export const CUSTOMER_DKIM = {
  domainName: 'customer.test',
  keySelector: 'mail',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

export function mime(options: {
  from: string;
  messageId: string;
  body: string;
  references?: string;
}): string {
  return [
    `From: ${options.from}`,
    `To: ${SUPPORT}`,
    'Subject: Refund for order 1234',
    `Message-ID: ${options.messageId}`,
    'Date: Sun, 22 Nov 2026 09:58:00 +0000',
    ...(options.references
      ? [`In-Reply-To: ${options.references}`, `References: ${options.references}`]
      : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body,
    '',
  ].join('\r\n');
}
