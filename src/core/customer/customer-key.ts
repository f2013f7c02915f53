/** How Baton recognises a customer again across conversations (and channels). */

/** The customer's id from the identity payload, else their email; null when neither is given. */
export function customerKeyOf(customer: Record<string, unknown>): string | null {
  if (typeof customer.id === 'string' && customer.id.trim()) return `id:${customer.id.trim()}`;
  if (typeof customer.email === 'string' && customer.email.trim()) {
    return `email:${customer.email.trim().toLowerCase()}`;
  }
  return null;
}
