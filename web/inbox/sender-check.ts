// What the inbox says about an email's sender: SPF, DKIM and DMARC as Baton's SMTP listener
// checked them (src/channels/email/email-authenticity.ts), in words an agent acts on.
// "Sender NOT verified" means the From address may be forged: confirm before acting on it.

/** `data.email.authenticity` of a customer's email message, as the API gives it. */
export interface SenderCheck {
  checkedBy: 'baton' | 'provider';
  spf: string;
  dkim: string;
  dmarc: string;
  policy?: string;
  verified: boolean;
  summary: string;
}

export function senderCheckOf(data: Record<string, unknown>): SenderCheck | undefined {
  const email = data.email as { authenticity?: unknown } | undefined;
  const check = email?.authenticity as Partial<SenderCheck> | undefined;
  return check && typeof check.verified === 'boolean' && typeof check.summary === 'string'
    ? (check as SenderCheck)
    : undefined;
}

/** "Sender verified (DMARC pass)" / "Sender NOT verified: DMARC fail (p=reject), SPF fail, no DKIM". */
export function senderCheckLabel(check: SenderCheck): string {
  const by = check.checkedBy === 'provider' ? ' (reported by provider)' : '';
  if (check.verified) {
    const how =
      check.dmarc === 'pass' ? 'DMARC pass' : check.dkim === 'pass' ? 'DKIM pass' : 'SPF pass';
    return `Sender verified (${how})${by}`;
  }
  const parts = [
    ...(check.dmarc === 'none'
      ? []
      : [`DMARC ${check.dmarc}${check.policy ? ` (p=${check.policy})` : ''}`]),
    check.spf === 'none' ? 'no SPF' : `SPF ${check.spf}`,
    check.dkim === 'none' ? 'no DKIM' : `DKIM ${check.dkim}`,
  ];
  return `Sender NOT verified: ${parts.join(', ')}${by}`;
}
