/**
 * Where the next outbound email goes and how it is threaded, worked out from the
 * conversation's log: the customer's emails (stored with `data.email`) and the emails Baton
 * already sent (`message.delivery` with `channel: 'email'`). Pure, so the rules are testable.
 */
import type { ConversationRecord, StoredEvent } from '../../../core/records.ts';

export interface EmailThreadPlan {
  readonly to: string;
  readonly subject: string;
  /** The thread's root Message-ID; absent when this email starts the thread. */
  readonly root?: string;
  /** Replies answer the latest email in the thread, the customer's or Baton's. */
  readonly inReplyTo?: string;
  readonly references: string[];
  /** A web chat's first email: it must say which conversation it continues. */
  readonly continuesChat: boolean;
}

/** Keep References bounded: the root and the most recent ids are what clients use. */
const MAX_REFERENCES = 10;

export function planEmailThread(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  fallbackSubject: string,
): EmailThreadPlan | undefined {
  const customerEmails = events.filter(
    (e) => e.type === 'message.created' && e.data.from === 'customer' && isRecord(e.data.email),
  );
  const sent = events.filter(
    (e) =>
      e.type === 'message.delivery' &&
      e.data.channel === 'email' &&
      e.data.status === 'sent' &&
      typeof e.data.providerMessageId === 'string',
  );
  const isEmailChannel = conversation.channel === 'email';
  const to = isEmailChannel
    ? stringOf(conversation.customer.email)
    : conversation.channelState.replyByEmail;
  if (!to) return undefined;
  const firstCustomer = customerEmails[0];
  const subject = stringOf(emailOf(firstCustomer)?.subject)?.trim() || fallbackSubject;
  const root = isEmailChannel
    ? (conversation.externalThread ?? undefined)
    : (stringOf(sent[0]?.data.providerMessageId) ??
      stringOf(firstCustomer?.data.providerMessageId));
  if (!root) return { to, subject, references: [], continuesChat: !isEmailChannel };
  const latest = [...customerEmails, ...sent].sort((a, b) => a.seq - b.seq).at(-1);
  const inReplyTo = stringOf(latest?.data.providerMessageId) ?? root;
  const lastCustomer = customerEmails.at(-1);
  const lastCustomerId = stringOf(lastCustomer?.data.providerMessageId);
  const lastCustomerIds = [
    ...arrayOf(emailOf(lastCustomer)?.references),
    ...(lastCustomerId ? [lastCustomerId] : []),
  ];
  const references = [...new Set([root, ...lastCustomerIds, inReplyTo])];
  return {
    to,
    subject,
    root,
    inReplyTo,
    references: [root, ...references.slice(1).slice(-(MAX_REFERENCES - 1))],
    continuesChat: false,
  };
}

function emailOf(event: StoredEvent | undefined): Record<string, unknown> | undefined {
  const email = event?.data.email;
  return isRecord(email) ? email : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function arrayOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
