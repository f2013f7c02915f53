/**
 * What is known of a person across their conversations, read from what is already stored:
 * the customer record each conversation was started with (name, email, phone, id, …) and the
 * fields collected before the handoff (an order id, …). Each value says where it came from
 * and whether Baton can vouch for it: an identity is verified when it is one that joins
 * conversations (linkIdentitiesOfConversation), any other part of the record when the site
 * signed the whole record (an identity token, or a channel's own sender); what the customer
 * typed, a `userHash`'s unsigned extras and an unverified visitor's record are claims.
 */
import {
  emailIdentity,
  linkIdentitiesOfConversation,
  phoneIdentity,
  type CustomerIdentity,
} from '../../core/customer/customer-identity.ts';
import type { ConversationRecord } from '../../core/records.ts';

export interface ContactFieldSource {
  readonly conversationId: string;
  readonly channel: string;
  readonly verified: boolean;
}

export interface ContactField {
  /** `name`, `email`, `phone`, `id`, or the collected field's own name (`orderId`). */
  readonly name: string;
  readonly value: string;
  /** Every conversation that holds this value, in the order of the conversations given. */
  readonly sources: ContactFieldSource[];
}

// Bookkeeping of the record, not something known about the person.
const NOT_FIELDS = new Set(['verified', 'verifiedBy']);
const FIRST = ['name', 'email', 'phone', 'id'];
const MAX_VALUE = 500;

/** The fields of the person's conversations, `name`, `email`, `phone`, `id` first. */
export function contactFields(conversations: readonly ConversationRecord[]): ContactField[] {
  const fields = new Map<string, { name: string; value: string; sources: ContactFieldSource[] }>();
  const add = (name: string, raw: unknown, source: ContactFieldSource) => {
    const value = scalar(raw);
    if (value === null || NOT_FIELDS.has(name)) return;
    const key = `${name}\u0000${value.toLowerCase()}`;
    const field = fields.get(key) ?? { name, value, sources: [] };
    if (!field.sources.some((s) => s.conversationId === source.conversationId))
      field.sources.push(source);
    fields.set(key, field);
  };
  for (const c of conversations) {
    const links = linkIdentitiesOfConversation({
      channel: c.channel,
      customer: c.customer,
      externalThread: c.externalThread,
      replyByEmail: c.channelState.replyByEmail ?? null,
      fields: null,
    });
    const signedWhole = c.customer.verified !== false && c.customer.verifiedBy !== 'user_hash';
    for (const [name, value] of Object.entries(c.customer)) {
      const identity = identityOf(name, value);
      const verified = identity ? links.has(identity) : signedWhole;
      add(name, value, { conversationId: c.id, channel: c.channel, verified });
    }
    const collected = c.handoff?.fields;
    if (collected && typeof collected === 'object')
      for (const [name, value] of Object.entries(collected as Record<string, unknown>))
        add(name, value, { conversationId: c.id, channel: c.channel, verified: false });
  }
  return [...fields.values()].sort((a, b) => rank(a.name) - rank(b.name) || order(a, b));
}

function identityOf(name: string, value: unknown): CustomerIdentity | null {
  if (typeof value !== 'string') return null;
  if (name === 'email') return emailIdentity(value);
  if (name === 'phone') return phoneIdentity(value);
  if (name === 'id') return value.trim() ? `id:${value.trim()}` : null;
  return null;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.trim().slice(0, MAX_VALUE);
}

function rank(name: string): number {
  const at = FIRST.indexOf(name);
  return at === -1 ? FIRST.length : at;
}

function order(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
