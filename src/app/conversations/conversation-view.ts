/** The API's view of conversations and events, for agents and for the customer. */
import type { ConversationEventType } from '../../core/conversation/conversation-events.ts';
import type { EventDataByType } from '../../core/conversation/event-data.ts';
import type { ConversationRecord, EventActor, StoredEvent } from '../../core/records.ts';

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
  /** A phone call's line (voice only): on hold, and the agent Baton rang for it meanwhile. */
  readonly call?: { readonly onHold: boolean; readonly rungAgentId: string | null };
}

export function toConversationView(c: ConversationRecord): ConversationView {
  const voice = c.channel === 'voice' ? c.channelState.voice : undefined;
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
    ...(voice
      ? {
          call: {
            onHold: voice.onHold === true,
            // Only while the caller still waits: once bridged or gone, nobody is being rung.
            rungAgentId: (voice.onHold && voice.rungAgentId) || null,
          },
        }
      : {}),
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
 * The fields of each event type's data the customer receives; every other type reaches them
 * with empty data. The customer receives every seq (so resuming by `since` has no gaps) but
 * only the fields meant for them: the handoff decision, its evidence and the bot's scores stay
 * internal. `CustomerEvent` (what the widget reads) is derived from this table.
 */
export const CUSTOMER_EVENT_FIELDS = {
  'message.created': [
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
  ],
  'message.read': ['upToSeq', 'by'],
  'conversation.assigned': ['agentName', 'agentAvatar'],
  'conversation.handed_over': ['queue'],
  'conversation.transferred': ['toQueue'],
} as const satisfies {
  readonly [T in ConversationEventType]?: readonly (keyof EventDataByType[T])[];
};

type CustomerFields = typeof CUSTOMER_EVENT_FIELDS;

/** The data of an event of type `T` as the customer receives it. */
export type CustomerEventData<T extends ConversationEventType> = T extends keyof CustomerFields
  ? Pick<EventDataByType[T], CustomerFields[T][number] & keyof EventDataByType[T]>
  : Readonly<Record<string, never>>;

/** An agent appears to the customer by name only (never their id). */
export type CustomerActor = Omit<EventActor, 'id'>;

/** An event as the customer's socket and HTTP answers carry it, its data by its type. */
export type CustomerEvent =
  | {
      readonly [T in ConversationEventType]: {
        readonly conversationId: string;
        readonly seq: number;
        readonly type: T;
        readonly at: string;
        readonly actor: CustomerActor | EventActor;
        readonly data: CustomerEventData<T>;
      };
    }[ConversationEventType]
  /** A note: the customer keeps the seq but not even the kind of event. */
  | {
      readonly conversationId: string;
      readonly seq: number;
      readonly type: 'internal';
      readonly at: string;
      readonly actor: { readonly type: 'agent' };
      readonly data: Readonly<Record<string, never>>;
    };

export function toCustomerEvent(e: StoredEvent): CustomerEvent {
  // The customer keeps the seq (no gap when resuming) but not even the kind of event.
  if (e.type.startsWith('note.'))
    return { ...e, type: 'internal', actor: { type: 'agent' }, data: {} };
  const fields: readonly string[] | undefined =
    CUSTOMER_EVENT_FIELDS[e.type as keyof CustomerFields];
  const data = fields ? pick(e.data, fields) : {};
  const actor =
    e.actor.type === 'agent'
      ? { type: 'agent' as const, ...(e.actor.name ? { name: e.actor.name } : {}) }
      : e.actor;
  // The one place the union is assembled at run time: `data` holds the table's fields of `type`.
  return { ...e, actor, data } as CustomerEvent;
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
