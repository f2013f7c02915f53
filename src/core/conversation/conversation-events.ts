/**
 * The one registry of conversation event types. The store's event records and the bus's
 * messages use `ConversationEventType`, so an event of an unknown type does not compile, and
 * each type's data is typed (`EventData`), so an event missing a field its type requires does
 * not compile either.
 * `message.created` is built only by `messageCreated` below.
 */
import type { NewEvent } from '../records.ts';
import type { EventActorType, EventDataByType, Open } from './event-data.ts';

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

export type { EventActorType, Open } from './event-data.ts';

/**
 * The data of every registry type (its shape is in event-data.ts). Mapped over the registry,
 * so a type added to `CONVERSATION_EVENT_TYPES` without its data there fails to compile.
 */
export type TypedEventData = {
  readonly [T in ConversationEventType]: EventDataByType[T];
};

/** What a writer puts in an event of type `T`: exactly its fields (a misspelt one fails). */
export type EventData<T extends ConversationEventType> = TypedEventData[T];

/**
 * The same data as read back from the store or the bus: its type's fields, and anything else
 * as `unknown`, since rows written by other versions may carry fields this one does not know.
 */
export type StoredEventData<T extends ConversationEventType> = Open<EventData<T>>;

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
