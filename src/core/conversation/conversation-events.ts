/**
 * The one registry of conversation event types. The store's event records and the bus's
 * messages use `ConversationEventType`, so an event of an unknown type does not compile.
 * `message.created` is built only by `messageCreated` below.
 */
import type { NewEvent } from '../records.ts';

export const CONVERSATION_EVENT_TYPES = [
  'conversation.created',
  'conversation.handed_over',
  'conversation.intake_started',
  'conversation.offered',
  'conversation.offer_declined',
  'conversation.offer_expired',
  'conversation.offer_round_completed',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.reassigned',
  'conversation.requeued',
  'conversation.overflowed',
  'conversation.sla_breached',
  'conversation.agent_nudged',
  'conversation.supervisor_alerted',
  'conversation.returned_to_bot',
  'conversation.deferred',
  'conversation.resumed',
  'conversation.abandoned',
  'conversation.resolved',
  'conversation.continue_by_message',
  'message.created',
  'message.delivery',
  'message.status',
  'message.read',
  'note.created',
  'handoff.fields_added',
  'handoff.summarized',
  'callback.requested',
  'csat.submitted',
  'channel.reaction',
  'channel.thread_control',
  'channel.opt_out',
  'channel.opt_in',
  'channel.voice_call',
] as const;

export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

export type EventActorType = 'customer' | 'bot' | 'agent' | 'system';

/** Data beyond the typed fields (channel-, bot- and flow-specific) stays allowed, as unknown. */
type Open<T> = T & Readonly<Record<string, unknown>>;

/** The typed part of each event's data; an event not listed has open data. */
interface TypedEventData {
  'message.created': Open<{
    readonly from: EventActorType;
    readonly text?: string;
    readonly kind?: string;
    readonly clientMessageId?: string;
    readonly agentName?: string;
  }>;
  /** What became of an outbound message (`seq`) at the provider. */
  'message.delivery': Open<{
    readonly seq: number;
    readonly status: 'sent' | 'failed';
    readonly error?: string;
  }>;
  /** A read receipt: `by` has seen the other side's messages up to `upToSeq` (read-marker.ts). */
  'message.read': Open<{
    readonly upToSeq: number;
    readonly by: 'customer' | 'agent';
  }>;
  /** Messenger's Handover Protocol: who has the thread now. */
  'channel.thread_control': Open<{ readonly action: string; readonly appId: string | null }>;
}

export type EventData<T extends ConversationEventType> = T extends keyof TypedEventData
  ? TypedEventData[T]
  : Readonly<Record<string, unknown>>;

/** Who wrote a message, as the event's actor. */
export interface MessageActor {
  readonly type: EventActorType;
  readonly id?: string;
  readonly name?: string;
}

/** The fields every message carries; channel- and bot-specific ones go in `extra`. */
export interface MessageFields {
  readonly text: string;
  /** What the message is for (`agent_joined`, `wait_update`, …); absent for plain chat. */
  readonly kind?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface MessageCreated {
  readonly type: 'message.created';
  readonly actor: MessageActor;
  readonly data: EventData<'message.created'>;
  readonly clientMessageId?: string;
}

/** The one builder of `message.created`: `from` is always the actor's type. */
export function messageCreated(
  actor: MessageActor,
  fields: MessageFields,
  clientMessageId?: string,
): MessageCreated {
  return {
    type: 'message.created',
    actor,
    data: {
      from: actor.type,
      text: fields.text,
      ...(fields.kind ? { kind: fields.kind } : {}),
      ...fields.extra,
    },
    ...(clientMessageId ? { clientMessageId } : {}),
  };
}

/**
 * The same event from data shaped elsewhere (a waiting-room reply, an estimate update): `from`
 * is set from the actor, whatever the data says.
 */
export function messageEvent(
  actor: MessageActor,
  data: Readonly<Record<string, unknown>> & { readonly text?: string },
  clientMessageId?: string,
): MessageCreated {
  return {
    type: 'message.created',
    actor,
    data: { ...data, from: actor.type },
    ...(clientMessageId ? { clientMessageId } : {}),
  };
}

/**
 * An event whose type is known only at run time (the state machine's answer, a channel's
 * notice): its data is what that type takes. The one place the union is assembled by hand.
 */
export function eventOf<T extends ConversationEventType>(
  type: T,
  actor: MessageActor,
  data: EventData<T>,
): NewEvent {
  return { type, actor, data } as unknown as NewEvent;
}

/** A message from Baton itself (who joined, who left, what happens next). */
export const systemMessage = (text: string, kind: string): MessageCreated =>
  messageCreated({ type: 'system' }, { text, kind });
