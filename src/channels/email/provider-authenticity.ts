/**
 * SPF and DKIM as an inbound-parse provider reports them (Postmark's inbound webhook carries
 * the `Received-SPF` header its server added and SpamAssassin's `X-Spam-Tests`). Baton did not
 * check these itself and no DMARC result comes with them, so they are kept as `provider`
 * results; the same rule applies: neither an aligned SPF pass nor an aligned DKIM pass (the
 * test `DKIM_VALID_AU`) means the From address is not vouched for. Without either header
 * there is nothing to report.
 */
import { domainOf, related, type EmailAuthenticity } from './email-authenticity.ts';

const SPF_RESULTS = new Set([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
]);

export function providerAuthenticity(
  header: (name: string) => string | undefined,
  fromAddress: string,
): EmailAuthenticity | undefined {
  const receivedSpf = header('received-spf');
  const spamTests = header('x-spam-tests');
  if (receivedSpf === undefined && spamTests === undefined) return undefined;
  const word = /^\s*(\w+)/.exec(receivedSpf ?? '')?.[1]?.toLowerCase() ?? 'none';
  const spf = SPF_RESULTS.has(word) ? word : 'none';
  const envelopeFrom = /envelope-from=<?"?([^\s;>"]+)/i.exec(receivedSpf ?? '')?.[1] ?? '';
  const fromDomain = domainOf(fromAddress);
  const spfAligned = spf === 'pass' && related(fromDomain, domainOf(envelopeFrom));
  const tests = new Set((spamTests ?? '').split(/[\s,]+/).filter(Boolean));
  const dkim =
    tests.has('DKIM_VALID') || tests.has('DKIM_VALID_AU')
      ? 'pass'
      : tests.has('DKIM_INVALID') || tests.has('DKIM_SIGNED')
        ? 'fail'
        : 'none';
  const verified = spfAligned || tests.has('DKIM_VALID_AU');
  return {
    checkedBy: 'provider',
    spf,
    dkim,
    dmarc: 'none',
    verified,
    summary: `spf=${spf} dkim=${dkim} (reported by the provider)`,
  };
}
