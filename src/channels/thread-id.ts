/**
 * Composite thread ids `<business id>:<customer id>` for channels where a reply must leave
 * from the same business number/page the customer wrote to (WhatsApp, Messenger, SMS).
 * `:` and `%` inside a part are percent-escaped (Twilio addresses can be `whatsapp:+1…`),
 * so ordinary ids read plainly and every id splits back exactly.
 */
const escape = (part: string) => part.replace(/%/g, '%25').replace(/:/g, '%3A');
const unescape = (part: string) => part.replace(/%3A/gi, ':').replace(/%25/g, '%');

export function joinThreadId(businessId: string, customerId: string): string {
  return `${escape(businessId)}:${escape(customerId)}`;
}

/** Throws on a thread id this adapter never produced: a programming error, not bad input. */
export function splitThreadId(threadId: string): { businessId: string; customerId: string } {
  const parts = threadId.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new TypeError(`Not a "<business>:<customer>" thread id: ${threadId}`);
  }
  return { businessId: unescape(parts[0]), customerId: unescape(parts[1]) };
}
