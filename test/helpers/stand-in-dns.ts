/**
 * A DNS resolver that answers from records the test builds (an SPF record, a DKIM public key,
 * a DMARC policy) and knows no other name: mailauth's checks run for real, and no query
 * leaves the process. `queries` records what was asked.
 */
import type { DnsResolver } from '../../src/channels/email/email-authenticity.ts';

export type StandInRecords = Readonly<Record<string, readonly string[]>>;

/** Keys are `TXT example.test`, `A example.test`, …; a TXT value is one record's text. */
export function standInDns(
  records: StandInRecords,
  queries: string[] = [],
): DnsResolver & { readonly queries: string[] } {
  const resolver = async (name: string, type: string): Promise<string[][] | string[]> => {
    const key = `${type.toUpperCase()} ${name.toLowerCase()}`;
    queries.push(key);
    const found = records[key];
    if (!found) {
      // What node:dns rejects with for a name that does not exist.
      throw Object.assign(new Error(`query${type} ENOTFOUND ${name}`), {
        code: 'ENOTFOUND',
        hostname: name,
      });
    }
    return type.toUpperCase() === 'TXT' ? found.map((text) => [text]) : [...found];
  };
  return Object.assign(resolver, { queries });
}
