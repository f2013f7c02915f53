/**
 * What the customer's side said about the agents' replies, folded from the events (pure, so
 * the inbox and the tests read it the same way): the widget's read marker (`message.read` by
 * the customer: every reply up to it is seen) and, in a channel conversation, the provider. A reply's
 * `message.delivery` lists the provider's ids of its parts (an email's: the one Message-ID it
 * was sent with, `providerMessageId`); a `message.status` names one of them, in whatever
 * order the two were stored, or (Messenger/Instagram's read watermark) a time up to which
 * every reply sent is read. Read wins over everything, a failure over
 * delivered: a `delivered` after a `read` does not take "Seen" back, a duplicate changes
 * nothing, and a status for an id no reply lists is kept but shown nowhere.
 */

/** The fields of an event the fold reads: a stored event and the inbox's wire event both fit. */
export interface ReceiptEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly data: unknown;
}

export interface ReplyReceipts {
  /** The last agent reply the customer read, by the widget's marker or the provider (0: none). */
  readonly seen: number;
  /** The last agent reply delivered and not (yet) read, after `seen` (0: none). */
  readonly delivered: number;
  /** Every agent reply that did not reach the customer, with the reason given. */
  readonly failed: ReadonlyMap<number, string>;
}

type Step = 'delivered' | 'failed' | 'read';
const RANK: Readonly<Record<Step, number>> = { delivered: 1, failed: 2, read: 3 };

export function replyReceipts(events: readonly ReceiptEvent[]): ReplyReceipts {
  const replies = new Set<number>();
  const seqOfId = new Map<string, number>();
  const sentAt = new Map<number, string>();
  const outboxFailed = new Map<number, string>();
  for (const e of events) {
    const d = record(e.data);
    if (e.type === 'message.created' && d.from === 'agent') replies.add(e.seq);
    if (e.type !== 'message.delivery' || typeof d.seq !== 'number') continue;
    if (d.status === 'failed') outboxFailed.set(d.seq, text(d.error));
    if (d.status !== 'sent') continue;
    sentAt.set(d.seq, e.at);
    for (const id of sentIds(d)) seqOfId.set(id, d.seq);
  }
  const step = new Map<number, { step: Step; error: string }>();
  const raise = (seq: number, next: Step, error = '') => {
    const held = step.get(seq);
    if (!held || RANK[next] > RANK[held.step]) step.set(seq, { step: next, error });
  };
  for (const [seq, error] of outboxFailed) raise(seq, 'failed', error);
  for (const e of events) {
    const d = record(e.data);
    // The widget's own receipt: every reply up to the customer's read marker is read.
    if (e.type === 'message.read' && d.by === 'customer' && typeof d.upToSeq === 'number') {
      for (const seq of replies) if (seq <= d.upToSeq) raise(seq, 'read');
      continue;
    }
    if (e.type !== 'message.status') continue;
    if (typeof d.readUpTo === 'string') {
      const upTo = Date.parse(d.readUpTo);
      for (const [seq, at] of sentAt) if (Date.parse(at) <= upTo) raise(seq, 'read');
      continue;
    }
    const seq = typeof d.providerMessageId === 'string' && seqOfId.get(d.providerMessageId);
    if (!seq) continue;
    if (d.status === 'read' || d.status === 'delivered') raise(seq, d.status);
    else if (d.status === 'failed') raise(seq, 'failed', text(d.error));
  }
  let seen = 0;
  let delivered = 0;
  const failed = new Map<number, string>();
  for (const [seq, { step: s, error }] of step) {
    if (!replies.has(seq)) continue;
    if (s === 'read') seen = Math.max(seen, seq);
    else if (s === 'delivered') delivered = Math.max(delivered, seq);
    else failed.set(seq, error);
  }
  return { seen, delivered: delivered > seen ? delivered : 0, failed };
}

/** The ids a sent reply is known by: each part's on a channel, the Message-ID on email. */
function sentIds(d: Record<string, unknown>): string[] {
  const ids = Array.isArray(d.providerMessageIds) ? [...(d.providerMessageIds as unknown[])] : [];
  if (typeof d.providerMessageId === 'string') ids.push(d.providerMessageId);
  return ids.filter((id): id is string => typeof id === 'string');
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
