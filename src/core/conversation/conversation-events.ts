/**
 * The one registry of conversation event types. The store's event records and the bus's
 * messages use `ConversationEventType`, so an event of an unknown type does not compile.
 * `message.created` is built only by `messageCreated` below.
 */
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
  'note.created',
  'handoff.fields_added',
  'handoff.summarized',
  'callback.requested',
  'csat.submitted',
  'channel.reaction',
  'channel.thread_control',
  'channel.opt_out',
  'channel.opt_in',
] as const;

export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

export type EventActorType = 'customer' | 'bot' | 'agent' | 'system';

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
  readonly data: Record<string, unknown>;
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
  data: Readonly<Record<string, unknown>> & { readonly text?: unknown },
  clientMessageId?: string,
): MessageCreated {
  return {
    type: 'message.created',
    actor,
    data: { ...data, from: actor.type },
    ...(clientMessageId ? { clientMessageId } : {}),
  };
}

/** A message from Baton itself (who joined, who left, what happens next). */
export const systemMessage = (text: string, kind: string): MessageCreated =>
  messageCreated({ type: 'system' }, { text, kind });
