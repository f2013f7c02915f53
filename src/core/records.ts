/** What the store hands out: parsed rows, camelCase, JSON decoded. */
import type {
  ConversationEventType,
  EventData,
  StoredEventData,
} from './conversation/conversation-events.ts';
import type { ConversationState } from './conversation/conversation-state.ts';
import type { Lifecycle } from './conversation/lifecycle.ts';

export type { ConversationEventType } from './conversation/conversation-events.ts';

export type ActorType = 'customer' | 'bot' | 'agent' | 'system';

export interface EventActor {
  readonly type: ActorType;
  readonly id?: string;
  readonly name?: string;
}

/**
 * An event as stored, its `data` typed by its `type` (conversation-events.ts `StoredEventData`:
 * the type's fields, anything else unknown).
 */
export type StoredEvent = {
  readonly [T in ConversationEventType]: {
    readonly conversationId: string;
    readonly seq: number;
    readonly type: T;
    readonly at: string;
    readonly actor: EventActor;
    readonly data: StoredEventData<T>;
  };
}[ConversationEventType];

/** An event to commit, its `data` exactly what its `type` takes (`EventData`). */
export type NewEvent = {
  readonly [T in ConversationEventType]: {
    readonly type: T;
    readonly actor: EventActor;
    readonly data: EventData<T>;
    /** Dedupe key of a client-sent message; a second event with the same key is refused. */
    readonly clientMessageId?: string;
  };
}[ConversationEventType];

export interface HandoffSummary {
  readonly at: string;
  readonly reasons: string[];
  readonly queue: string;
  readonly priority: number;
  readonly policyVersion: string;
  readonly [key: string]: unknown;
}

export interface ConversationRecord {
  readonly id: string;
  readonly channel: string;
  readonly status: ConversationState;
  readonly queue: string | null;
  readonly priority: number | null;
  readonly assigneeId: string | null;
  readonly offeredTo: string | null;
  readonly language: string | null;
  readonly customer: Record<string, unknown>;
  readonly tokenHash: string;
  readonly lastSeq: number;
  readonly handoff: HandoffSummary | null;
  readonly preview: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly handedOverAt: string | null;
  readonly resolvedAt: string | null;
  /** The provider's thread id (WhatsApp, Telegram, SMS …); null for web and API. */
  readonly externalThread: string | null;
  readonly channelState: ChannelState;
  /** Agents who declined or let expire an offer of this conversation in the current round. */
  readonly declinedBy: readonly string[];
  /** Who waits for whom since when, and how far each ladder went (core/conversation/lifecycle.ts). */
  readonly lifecycle: Lifecycle;
}

/** What the channel says about this thread, respected by outbound sending. */
export interface ChannelState {
  /** The customer sent STOP (SMS): nothing more may be sent. */
  readonly optedOut?: boolean;
  /** Messenger handover protocol: another app has the thread; Baton must not reply. */
  readonly standby?: boolean;
  /**
   * A web or API customer chose "continue by message" and left this address: agent replies
   * are also sent there by email, and their email replies come back into this conversation.
   */
  readonly replyByEmail?: string;
  /** A phone call (channels/voice): the number the caller dialled, and their place on hold. */
  readonly voice?: VoiceCallState;
  /** The widget's pre-chat form answers other than name, email, phone: packet fields at handoff. */
  readonly preChatFields?: Readonly<Record<string, string>>;
}

export interface VoiceCallState {
  /** The business number the customer called (agents are called from it by default). */
  readonly calledNumber: string;
  /** The caller's own Twilio queue while on hold, so the agent is bridged to exactly them. */
  readonly twilioQueue?: string;
  /** True from `<Enqueue>` until Twilio says the caller left the queue (hung up or bridged). */
  readonly onHold?: boolean;
  /** The caller chose to be called back at this number instead of waiting on the line. */
  readonly callbackTo?: string;
  /** The agent Baton last rang for this caller (Calls.json accepted), shown in their inbox. */
  readonly rungAgentId?: string;
}

/** Columns a commit may change besides `last_seq`. */
export interface ConversationChanges {
  readonly status?: ConversationState;
  readonly queue?: string | null;
  readonly priority?: number | null;
  readonly assigneeId?: string | null;
  readonly offeredTo?: string | null;
  readonly language?: string | null;
  readonly handoff?: HandoffSummary | null;
  readonly preview?: string | null;
  readonly handedOverAt?: string | null;
  readonly resolvedAt?: string | null;
  readonly channelState?: ChannelState;
  readonly declinedBy?: readonly string[];
}

export interface AgentRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly role: 'agent' | 'supervisor' | 'admin';
  readonly skills: string[];
  readonly createdAt: string;
  readonly presence: 'online' | 'away' | 'offline';
  readonly maxConcurrent: number;
  readonly languages: string[];
  /** When the account was disabled; a disabled agent cannot log in and is never routed to. */
  readonly disabledAt: string | null;
  /** Whether log-in asks for a time-based code too (two-factor confirmed; never the secret). */
  readonly totpEnabled: boolean;
  /**
   * Where they take handed-over calls, from their profile: an E.164 number, `browser`, or null
   * for the configuration's rule (`channels.voice.agentPhones`, else the browser client).
   */
  readonly voiceLine: string | null;
  /** The current profile picture's version (its address changes with it); null or absent: none. */
  readonly avatarVersion?: string | null;
}

export type TimerStatus = 'pending' | 'claimed' | 'done' | 'cancelled';

export interface TimerRecord {
  readonly id: string;
  readonly conversationId: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly data: Record<string, unknown>;
  readonly status: TimerStatus;
  readonly attempts: number;
}

export interface NewTimer {
  readonly kind: string;
  readonly dueAt: Date;
  readonly data?: Record<string, unknown>;
}

/** Timer changes made in the same transaction as a conversation change. */
export interface TimerChanges {
  /** Cancel these pending timers by id. */
  readonly cancelIds?: readonly string[];
  /** Cancel the conversation's pending timers of these kinds ('all' for every kind) first. */
  readonly cancel?: readonly string[] | 'all';
  readonly schedule?: readonly NewTimer[];
}
