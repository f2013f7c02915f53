/** The API's view of conversations and events, for agents and for the customer. */
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';

export interface ConversationView {
  readonly id: string;
  readonly channel: string;
  readonly status: string;
  readonly queue: string | null;
  readonly priority: number | null;
  readonly language: string | null;
  readonly customer: Record<string, unknown>;
  readonly assignee: { readonly id: string } | null;
  readonly handoff: ConversationRecord['handoff'];
  readonly lastSeq: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly handedOverAt: string | null;
  readonly preview: string | null;
}

export function toConversationView(c: ConversationRecord): ConversationView {
  return {
    id: c.id,
    channel: c.channel,
    status: c.status,
    queue: c.queue,
    priority: c.priority,
    language: c.language,
    customer: c.customer,
    assignee: c.assigneeId ? { id: c.assigneeId } : null,
    handoff: c.handoff,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    handedOverAt: c.handedOverAt,
    preview: c.preview,
  };
}

/** What a customer sees of the conversation: no internal reasoning, scores or agent ids. */
export function toCustomerConversation(c: ConversationRecord): Record<string, unknown> {
  return {
    id: c.id,
    channel: c.channel,
    status: c.status,
    language: c.language,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt,
  };
}

/**
 * The customer receives every seq (so resuming by `since` has no gaps) but only the fields
 * meant for them: the handoff decision, its evidence and the bot's scores stay internal.
 */
/** An event as the customer's socket sees it: a note shows only as an `internal` seq. */
export type CustomerEvent = Omit<StoredEvent, 'type' | 'data'> & {
  readonly type: StoredEvent['type'] | 'internal';
  /** The fields of the event's data meant for the customer. */
  readonly data: Readonly<Record<string, unknown>>;
};

export function toCustomerEvent(e: StoredEvent): CustomerEvent {
  const d = e.data;
  let data: Record<string, unknown>;
  if (e.type === 'message.created') {
    data = pick(d, [
      'from',
      'text',
      'action',
      'clientMessageId',
      'agentName',
      'article',
      'kind',
      // The waiting room: buttons offered, and which one the customer pressed.
      'choices',
      'choice',
      // The place in line the handoff message and estimate updates told (the widget's
      // waiting line); the wait band stays internal, the customer reads it in the text.
      'position',
      // The customer's own files (name, type, size), which the widget shows in the transcript.
      'media',
    ]);
  } else if (e.type === 'message.read') {
    data = pick(d, ['upToSeq', 'by']);
  } else if (e.type === 'conversation.assigned') {
    data = pick(d, ['agentName']);
  } else if (e.type === 'conversation.handed_over' || e.type === 'conversation.transferred') {
    data = pick(d, ['queue', 'toQueue']);
  } else if (e.type.startsWith('note.')) {
    // The customer keeps the seq (no gap when resuming) but not even the kind of event.
    return { ...e, type: 'internal', actor: { type: 'agent' }, data: {} };
  } else {
    data = {};
  }
  const actor =
    e.actor.type === 'agent'
      ? { type: 'agent' as const, ...(e.actor.name ? { name: e.actor.name } : {}) }
      : e.actor;
  return { ...e, actor, data };
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
