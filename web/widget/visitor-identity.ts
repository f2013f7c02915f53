// The visitor's identity as the host page sets it on <baton-chat>: who they are
// (`customer-id`, `customer-email`, `customer-name`) and the site's signature of it
// (`user-hash`, or `identity-token`, whose claims replace the others). Unsigned, Baton
// stores it as unverified (docs/security.md#verified-customer-identity).

import type { VisitorIdentity } from './chat-session.ts';

const CUSTOMER_ATTRIBUTES = { id: 'customer-id', email: 'customer-email', name: 'customer-name' };

export function visitorIdentity(element: Element): VisitorIdentity {
  const customer: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(CUSTOMER_ATTRIBUTES)) {
    const value = element.getAttribute(attribute);
    if (value) customer[key] = value;
  }
  const userHash = element.getAttribute('user-hash');
  const identityToken = element.getAttribute('identity-token');
  return {
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
    ...(userHash ? { userHash } : {}),
    ...(identityToken ? { identityToken } : {}),
  };
}

/**
 * Who the visitor is, for telling whether the stored conversation is theirs: the id, else the
 * email, else the token's subject (read, not verified: the server verifies; this only
 * decides which conversation to resume). '' for an anonymous visitor.
 */
export function visitorKey(identity: VisitorIdentity): string {
  const claims = identity.identityToken ? tokenClaims(identity.identityToken) : {};
  const customer = { ...identity.customer, ...claims };
  return customer.sub ?? customer.id ?? customer.email ?? '';
}

/**
 * What a signed visitor's identity already says (name, email, phone): the pre-chat form does
 * not ask it again, and the server keeps the signed value. Nothing for an unsigned visitor.
 */
export function signedClaims(identity: VisitorIdentity): Record<string, string> {
  if (identity.identityToken) return tokenClaims(identity.identityToken);
  return identity.userHash ? { ...identity.customer } : {};
}

function tokenClaims(token: string): Record<string, string> {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part)) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const key of ['sub', 'email', 'name', 'phone'])
      if (typeof claims[key] === 'string') out[key] = claims[key];
    return out;
  } catch {
    return {};
  }
}
