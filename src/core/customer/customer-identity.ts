/**
 * One customer across channels. A person reaches Baton as an API customer id, an email
 * address in any letter case, a phone number in any notation (a WhatsApp `wa_id` without
 * `+`, an SMS sender `+44 7700 900123`) or a channel thread (`<phone-number-id>:<number>`).
 * Each of those folds to an identity — `id:…`, `email:<lower case>`, `phone:<E.164>` — so
 * "this person's conversations" (erasure, export) means the same thing on every channel.
 * Not every trace is proof: `linkIdentitiesOfConversation` keeps only those Baton can vouch
 * for, the ones that may join one conversation to another (docs/security.md).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** `id:<customer id>`, `email:<address, lower case>` or `phone:<E.164>`. */
export type CustomerIdentity = `${'id' | 'email' | 'phone'}:${string}`;

/** What a conversation says about its customer (the stored row's parts). */
export interface CustomerTraces {
  readonly channel: string;
  readonly customer: Readonly<Record<string, unknown>>;
  readonly externalThread: string | null;
  /** Addresses the customer left on the conversation (reply by email). */
  readonly replyByEmail?: string | null;
  /** Intake fields (the handoff's `fields`): an email or phone the customer typed. */
  readonly fields?: Readonly<Record<string, unknown>> | null;
}

/** Channels whose customer id (and thread's customer part) is a phone number. */
const PHONE_CHANNELS = new Set(['whatsapp', 'sms', 'twilio']);

export function emailIdentity(value: string): CustomerIdentity | null {
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? `email:${email}` : null;
}

/**
 * Whether a customer typed an address mail can be sent to (a domain with a dot): stricter than
 * `emailIdentity`, which also names addresses read from provider payloads.
 */
export function isDeliverableEmail(value: string): boolean {
  return emailIdentity(value) !== null && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim());
}

/**
 * A phone number in E.164, or null. Numbers without `+` are read as international (a
 * WhatsApp `wa_id`, a Twilio address without its prefix): Baton never knows a home country.
 */
export function phoneIdentity(value: string): CustomerIdentity | null {
  const cleaned = value.trim().replace(/^(whatsapp|tel|sms):/i, '');
  if (!/^\+?[\d\s().-]{7,}$/.test(cleaned)) return null;
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isPossible() ? `phone:${parsed.number}` : `phone:+${digits}`;
}

/**
 * The identities an operator's reference names: an email, a phone number, a customer id,
 * or a channel thread `channel:value` (`whatsapp:+4477…`, `email:a@b.c`, `telegram:123`).
 * A reference is always also tried as a literal customer id.
 */
export function identitiesOfReference(reference: string): CustomerIdentity[] {
  const ref = reference.trim();
  if (!ref) return [];
  const found = new Set<CustomerIdentity>([`id:${ref}`]);
  const add = (identity: CustomerIdentity | null) => identity && found.add(identity);
  add(emailIdentity(ref));
  add(phoneIdentity(ref));
  const split = ref.indexOf(':');
  if (split > 0) {
    const channel = ref.slice(0, split).toLowerCase();
    for (const identity of identitiesOfChannelId(channel, ref.slice(split + 1))) add(identity);
  }
  return [...found];
}

/** Everything a stored conversation says about who its customer is, claims included. */
export function identitiesOfConversation(traces: CustomerTraces): Set<CustomerIdentity> {
  const found = linkIdentitiesOfConversation(traces);
  const add = (identity: CustomerIdentity | null) => identity && found.add(identity);
  const { customer } = traces;
  if (typeof customer.id === 'string')
    for (const identity of identitiesOfId(customer.id)) add(identity);
  for (const source of [customer, traces.fields ?? {}]) {
    if (typeof source.email === 'string') add(emailIdentity(source.email));
    if (typeof source.phone === 'string') add(phoneIdentity(source.phone));
  }
  if (traces.replyByEmail) add(emailIdentity(traces.replyByEmail));
  add(threadPhone(traces));
  return found;
}

/**
 * The identities that may join this conversation to another of the same person: the ones
 * Baton can vouch for. A channel's sender (the WhatsApp or SMS number, the email address that
 * passed its checks) and what a channel adapter put in the record; the value a `userHash`
 * signs (the id, else the email) but nothing the browser sent beside it; every identity
 * claim inside an `identityToken`. Never an unverified record's, nor what the customer typed
 * (intake fields, the address for a reply by email): those are claims, found by an operator's
 * search for a person but linking no one.
 */
export function linkIdentitiesOfConversation(traces: CustomerTraces): Set<CustomerIdentity> {
  const found = new Set<CustomerIdentity>();
  const { customer } = traces;
  if (customer.verified === false) return found;
  const add = (identity: CustomerIdentity | null) => identity && found.add(identity);
  const id = typeof customer.id === 'string' ? customer.id.trim() : '';
  // A site's id is only an id, even one that looks like a channel adapter's `whatsapp:+44…`.
  if (customer.verifiedBy === undefined) for (const identity of identitiesOfId(id)) add(identity);
  else if (id) found.add(`id:${id}`);
  // A userHash signs the id alone (the email when there is no id).
  const signsAll = customer.verifiedBy !== 'user_hash';
  if (typeof customer.email === 'string' && (signsAll || id === ''))
    add(emailIdentity(customer.email));
  if (typeof customer.phone === 'string' && signsAll) add(phoneIdentity(customer.phone));
  add(threadPhone(traces));
  return found;
}

/** The customer's number in a phone channel's thread, which the provider vouches for. */
function threadPhone(traces: CustomerTraces): CustomerIdentity | null {
  if (!traces.externalThread || !PHONE_CHANNELS.has(traces.channel)) return null;
  // `<business number>:<customer number>` (thread-id.ts); the customer's part is the last.
  return phoneIdentity(decodeURIComponent(traces.externalThread.split(':').at(-1) ?? ''));
}

/** `id:<id>`, and for a channel adapter's `<channel>:<provider id>` what that id names. */
function identitiesOfId(raw: string): CustomerIdentity[] {
  const id = raw.trim();
  if (!id) return [];
  const split = id.indexOf(':');
  // Channel adapters name their customers `<channel>:<provider id>` (channel-inbound.ts).
  if (split > 0) return identitiesOfChannelId(id.slice(0, split), id.slice(split + 1));
  return [`id:${id}`];
}

function identitiesOfChannelId(channel: string, value: string): CustomerIdentity[] {
  const identities: CustomerIdentity[] = [`id:${channel}:${value}`];
  const typed = PHONE_CHANNELS.has(channel)
    ? phoneIdentity(value)
    : channel === 'email'
      ? emailIdentity(value)
      : null;
  if (typed) identities.push(typed);
  return identities;
}

/**
 * Text that any stored trace of this identity contains, lower case, for a coarse SQL
 * `LIKE` pre-filter; the exact match is `identitiesOfConversation`. For a phone number the
 * national significant number, which every notation of it contains once separators are gone.
 */
export function searchNeedle(identity: CustomerIdentity): string {
  const value = identity.slice(identity.indexOf(':') + 1);
  if (identity.startsWith('phone:')) {
    const parsed = parsePhoneNumberFromString(value);
    return (parsed?.nationalNumber ?? value.replace(/\D/g, '')).toString();
  }
  // JSON escapes quotes and backslashes, and PostgreSQL's LIKE treats `\\` as an escape:
  // search for the longest part without them (the exact match comes after).
  const parts = value.toLowerCase().split(/["\\]/);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}
