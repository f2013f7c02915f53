/**
 * Who really sent an email, as far as the receiving server can tell: SPF (may the connecting
 * host send for the envelope sender's domain), DKIM (a domain's signature over the message)
 * and DMARC (does one of them pass for the From domain, and what that domain asks when none
 * does). mailauth's answer (app/channels/email/check-email-authenticity.ts runs it) is reduced
 * here to what Baton keeps and the agent reads. A From address is vouched for when DMARC
 * passes, or, for a domain that publishes no DMARC policy, when SPF or DKIM passes for it;
 * anything else is treated like a browser's unsigned claim (core/customer/trusted-customer.ts).
 */
import type { AuthenticateResult, DNSResolver } from 'mailauth';

/** mailauth's DNS port: `(name, 'TXT' | 'A' | …) → records`; tests hand in a stand-in. */
export type DnsResolver = DNSResolver;

/** What the SMTP session knows about the sender, beside the message. */
export interface SmtpEnvelope {
  /** The connecting client's IP address. */
  readonly remoteAddress: string;
  /** The name it gave in EHLO/HELO. */
  readonly helo: string;
  /** MAIL FROM (the envelope sender); empty for a bounce. */
  readonly mailFrom: string;
}

export interface EmailAuthenticity {
  /** `baton`: checked by Baton's SMTP listener; `provider`: what the inbound provider reported. */
  readonly checkedBy: 'baton' | 'provider';
  /** `pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`. */
  readonly spf: string;
  /** `pass` when any signature verifies; `none` for an unsigned message. */
  readonly dkim: string;
  /** `pass`, `fail`, `none` (the domain publishes no policy), `temperror`, `permerror`. */
  readonly dmarc: string;
  /** The From domain's DMARC policy (`reject`, `quarantine`, `none`), when it has one. */
  readonly policy?: string;
  /** True when the From address is vouched for (see the header). */
  readonly verified: boolean;
  /** `dmarc=fail (p=reject) spf=fail dkim=none`: the results in one line. */
  readonly summary: string;
}

/** mailauth's answer → the results and whether the From address is vouched for. */
export function verdictOf(result: AuthenticateResult): EmailAuthenticity {
  const spf = result.spf ? result.spf.status.result : 'none';
  const signatures = result.dkim.results ?? [];
  const passing = signatures.filter((s) => s.status.result === 'pass');
  const dkim = passing.length > 0 ? 'pass' : (signatures[0]?.status.result ?? 'none');
  const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
  const policy = result.dmarc ? result.dmarc.policy : undefined;
  const fromDomain = domainOf(result.dkim.headerFrom?.[0] ?? '');
  const spfDomain = result.spf ? result.spf.domain : '';
  const spfAligned = spf === 'pass' && fromDomain !== '' && related(fromDomain, spfDomain);
  const dkimAligned = passing.some((s) => Boolean(s.status.aligned));
  // A failing DMARC check is final; without a policy, an aligned pass still vouches.
  const verified = dmarc === 'pass' || (dmarc !== 'fail' && (spfAligned || dkimAligned));
  const dmarcPart = policy && dmarc !== 'pass' ? `dmarc=${dmarc} (p=${policy})` : `dmarc=${dmarc}`;
  return {
    checkedBy: 'baton',
    spf,
    dkim,
    dmarc,
    ...(policy ? { policy } : {}),
    verified,
    summary: `${dmarcPart} spf=${spf} dkim=${dkim}`,
  };
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The same domain or one a subdomain of the other: stricter than DMARC's relaxed alignment
 * (which compares organisational domains), used only when the domain publishes no policy.
 */
export function related(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}
