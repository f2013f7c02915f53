/**
 * What the escalation policy may believe about a customer. Tier, lifetime value, churn risk
 * and earlier escalations move priority and match rules, so they count only when the host
 * site signed them in an identity token (identity-verification.ts); a browser's word, or a
 * `userHash` that signs the id alone, does not raise anyone in the line.
 */
import { PRIORITY_CLAIMS } from './identity-verification.ts';

/** True when the record says it came from a browser without a valid signature. */
export function isUnverifiedCustomer(customer: Readonly<Record<string, unknown>>): boolean {
  return customer.verified === false;
}

export function trustedCustomer(
  customer: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (customer.verifiedBy === 'identity_token') return customer;
  if (!PRIORITY_CLAIMS.some((claim) => claim in customer)) return customer;
  const trusted = { ...customer };
  for (const claim of PRIORITY_CLAIMS) delete trusted[claim];
  return trusted;
}
