/**
 * What each conversation event carries in its `data`, by event type: the fields its writers
 * put in, required where every writer sets them. `conversation-events.ts` maps the registry
 * onto this table, so an event type without an entry here does not compile.
 *
 * Events already stored were written by older versions and are never rewritten: a reader that
 * checks a field at run time (`typeof d.queue === 'string'`) keeps checking, whatever the type
 * says, and a field that some stored rows lack is optional here.
 */
import type { FieldValue, HandoffPacket } from '../handoff/handoff-packet.ts';
import type { ConversationState } from './conversation-state.ts';

export type EventActorType = 'customer' | 'bot' | 'agent' | 'system';

/** Data beyond the typed fields (channel-, bot- and flow-specific) stays allowed, as unknown. */
export type Open<T> = T & Readonly<Record<string, unknown>>;

/** A wait band as a message told it, in minutes. */
export interface WaitBandTold {
  readonly lowMinutes: number;
  readonly highMinutes: number;
}

/** A file on a message: where the server fetches it, and what the UIs show of it. */
export interface MessageMedia {
  readonly kind: string;
  readonly ref: string;
  readonly mimeType?: string;
  readonly caption?: string;
  readonly fileName?: string;
  readonly size?: number;
}

/** A button offered on a message; the customer answers with its `id`. */
export interface MessageChoice {
  readonly id: string;
  readonly label: string;
}

/** Why a conversation went back to the queue without a person taking it elsewhere. */
export type RequeueReason = 'agent_silent' | 'agent_offline' | 'agent_disconnected' | 'supervisor';

/** What a resolution says about the conversation, as the agent told it. */
export interface ResolutionOutcome {
  readonly note?: string;
  readonly resolved?: boolean;
  readonly botCouldHaveHandled?: boolean;
}

/** The handoff summary (the conversation's `handoff` column) and the policy's explanation. */
export interface HandedOverData {
  readonly at: string;
  readonly reasons: readonly string[];
  readonly queue: string;
  readonly priority: number;
  readonly policyVersion: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly packet: HandoffPacket;
  /** The engine's `DecisionDetail` (its type lives with the policy port, in src/app). */
  readonly decision: object;
}

/** The supervisor was called, for one of three reasons, each with its own figures. */
export type SupervisorAlertedData =
  | {
      readonly reason: 'agent_silent';
      readonly agentId: string | null;
      readonly waitedSeconds: number;
    }
  | { readonly reason: 'offers_unanswered'; readonly rounds: number }
  | {
      readonly reason: 'sla_breached';
      readonly breaches: number;
      readonly waitedSeconds: number | null;
    };

/** A phone call's steps (channels/voice): the hold, and ringing the agent. */
export type VoiceCallData =
  | { readonly action: 'on_hold'; readonly twilioQueue: string }
  | { readonly action: 'left_hold'; readonly queueResult: string | null }
  | {
      readonly action: 'agent_called' | 'agent_call_failed';
      readonly agentId: string;
      readonly to: string;
      /** The call Twilio created (its answer's `sid`). */
      readonly callSid?: string;
      /** Twilio's answer when the call failed (0: no answer, or the call list's status). */
      readonly status?: number;
      /** The answer was lost and the retry found the call (earlier-call-lookup.ts). */
      readonly foundOnRetry?: true;
    }
  | {
      readonly action: 'agent_not_called';
      readonly agentId?: string;
      readonly reason: string;
      /** The caller chose a callback (voice-callback.ts): the agent calls this number back. */
      readonly callbackTo?: string;
    }
  /** An agent pressed "Call back" (voice-call-back.ts): Baton calls `to`, then rings them. */
  | { readonly action: 'call_back_requested'; readonly agentId: string; readonly to: string }
  /** Twilio took the call (`callSid`), or refused it (`status`, its HTTP answer). */
  | {
      readonly action: 'call_back_placed' | 'call_back_failed';
      readonly agentId: string;
      readonly to: string;
      readonly callSid?: string;
      readonly status?: number;
      /**
       * Twilio's answer to the request was lost (a timeout, a reset, a 5xx) and the retry found
       * the call it had created (earlier-call-lookup.ts), instead of placing a second one.
       */
      readonly foundOnRetry?: true;
    }
  /** Twilio's status callback for the call back: `initiated`, `ringing`, `in-progress` … */
  | {
      readonly action: 'call_back_status';
      readonly callSid: string;
      readonly callStatus: string;
      /** Seconds, when the call ended. */
      readonly duration?: number;
    };

/** Each registry type's data. */
export interface EventDataByType {
  'conversation.created': { readonly channel: string };
  'conversation.handed_over': HandedOverData;
  'conversation.intake_started': {
    readonly reasons: readonly string[];
    readonly queue: string;
    readonly missingFields: readonly string[];
    /** The whole `EscalationDecision` (src/app), to hand over with it when intake ends. */
    readonly decision: object;
  };
  'conversation.offered': {
    readonly agentId: string;
    readonly agentName?: string;
    readonly expiresAt: string;
    /** Offered by the router from a fallback queue. */
    readonly viaFallback?: boolean;
    /** Offered because the owner transferred it to this agent by name. */
    readonly viaTransfer?: boolean;
  };
  'conversation.offer_declined': { readonly agentId: string };
  'conversation.offer_expired': { readonly agentId: string };
  'conversation.offer_round_completed': {
    readonly round: number;
    readonly passedBy: readonly string[];
  };
  'conversation.assigned': {
    readonly agentId: string;
    readonly agentName: string;
    /** Where Baton serves the agent's profile picture, when they have one (`/api/v1/agents/…`). */
    readonly agentAvatar?: string;
    /** Set when a supervisor assigned it (no claim). */
    readonly via?: 'reassign';
  };
  'conversation.transferred': {
    readonly by: string;
    readonly toQueue: string;
    readonly toAgentId?: string;
    readonly toAgentName?: string;
    readonly note?: string;
  };
  'conversation.reassigned': {
    readonly by: string;
    readonly byName: string;
    readonly fromStatus: ConversationState;
    readonly fromQueue: string | null;
    readonly fromAgentId: string | null;
    readonly toQueue: string | null;
    readonly toAgentId?: string;
    readonly toAgentName?: string;
    readonly reason?: string;
  };
  'conversation.requeued': {
    readonly reason: RequeueReason;
    readonly agentId: string | null;
    /** A silent agent's conversation: how long the customer waited, its raised priority. */
    readonly waitedSeconds?: number;
    readonly priority?: number;
  };
  'conversation.overflowed': {
    readonly fromQueue: string;
    readonly toQueue: string;
    readonly breaches: number;
    readonly priority: number;
  };
  'conversation.sla_breached': {
    readonly queue: string;
    readonly breaches: number;
    readonly waitedSeconds: number | null;
    readonly priorityBefore: number;
    readonly priorityAfter: number;
  };
  'conversation.agent_nudged': { readonly agentId: string | null; readonly waitedSeconds: number };
  'conversation.supervisor_alerted': SupervisorAlertedData;
  'conversation.returned_to_bot': { readonly by: string };
  'conversation.deferred': {
    readonly followUpAt: string | null;
    readonly timeZone: string;
    /** Set when the customer asked to be called back (callback.requested comes with it). */
    readonly reason?: 'callback';
  };
  'conversation.resumed': { readonly reason: 'callback_due' | 'team_open' };
  'conversation.abandoned': {
    readonly reason: 'customer_left';
    /** Null when it was never handed over; absent in the demo traffic's abandonments. */
    readonly waitedSeconds?: number | null;
  };
  /**
   * By an agent, with their outcome; or by migration 021 (a second open conversation of one
   * channel thread, closed as a duplicate), whose stored rows have no `by`.
   */
  'conversation.resolved':
    | ({ readonly by: string } & ResolutionOutcome)
    | {
        readonly reason: 'duplicate_thread';
        readonly from: string;
        readonly keptConversationId: string;
      };
  'conversation.continue_by_message': { readonly email: string | null; readonly channel: string };
  'message.created': Open<{
    readonly from: EventActorType;
    readonly text?: string;
    readonly kind?: string;
    readonly clientMessageId?: string;
    readonly agentName?: string;
    /** Told while waiting (the handoff message, estimate updates): the place in line. */
    readonly position?: number;
    /** The wait band told with it; null: no time was promised (lifecycle.ts `promisedBy`). */
    readonly band?: WaitBandTold | null;
    /** The customer pressed "talk to a person" (the widget's button). */
    readonly action?: 'request_human';
    /** The bot's reading of the turn: what it answered (`greeting`, `waiting` …) and how sure. */
    readonly intent?: string;
    readonly confidence?: number;
    /** The knowledge-base article the bot answered from. */
    readonly article?: { readonly id: string; readonly title: string };
    /** Files the customer sent (a widget upload, a channel's media); the bytes are stored apart. */
    readonly media?: readonly MessageMedia[];
    /** The buttons offered with the message (the waiting room, the bot, the survey). */
    readonly choices?: readonly MessageChoice[];
    /** The customer's answer: the id of the button they pressed. */
    readonly choice?: string;
    /** The provider's message type when Baton cannot represent it. */
    readonly unsupported?: string;
  }>;
  /** What became of an outbound message (`seq`) at the provider. */
  'message.delivery': {
    readonly seq: number;
    readonly status: 'sent' | 'failed';
    readonly error?: string;
    /** Email only: the channel and the Message-ID it was sent with (email-thread.ts). */
    readonly channel?: 'email';
    readonly providerMessageId?: string;
    /**
     * Other channels: the provider's id of each part sent (WhatsApp `wamid`, Messenger `mid`,
     * Telegram `message_id`, Twilio `sid`), which its `message.status` events name.
     */
    readonly providerMessageIds?: readonly string[];
  };
  /** A read receipt: `by` has seen the other side's messages up to `upToSeq` (read-marker.ts). */
  'message.read': { readonly upToSeq: number; readonly by: 'customer' | 'agent' };
  /**
   * A provider's receipt for a message Baton sent, which `providerMessageId` names (the
   * reply's `message.delivery` lists it, before or after this arrives); or, with `readUpTo`
   * instead (Messenger/Instagram's read watermark), every reply sent up to that time is read.
   */
  'message.status': {
    readonly providerMessageId?: string;
    readonly status: 'sent' | 'delivered' | 'read' | 'failed';
    readonly error?: string;
    readonly readUpTo?: string;
  };
  'note.created': {
    readonly text: string;
    readonly agentName: string;
    /** Written by an AI agent through the MCP server. */
    readonly via?: 'mcp';
    /**
     * A supervisor's or admin's note: the assigned agent's inbox marks it as theirs. Absent
     * for an agent's own note (and in rows written before it was recorded).
     */
    readonly authorRole?: 'supervisor' | 'admin';
  };
  'handoff.fields_added': {
    readonly fields: Readonly<Record<string, FieldValue>>;
    readonly via: string;
  };
  /** The abstractive summary of the conversation at its handoff (engines/abstractive-summary.ts). */
  'handoff.summarized': { readonly text: string; readonly model: string; readonly at: string };
  /**
   * At a time the customer chose (the chat's waiting room, callback-flow.ts), or, from a phone
   * call on a long queue, as soon as someone is free (voice-callback.ts: no time, `at: null`).
   */
  'callback.requested':
    | { readonly phone: string; readonly at: string; readonly timeZone: string }
    | {
        readonly phone: string;
        readonly at: null;
        readonly asSoonAsFree: true;
        readonly via: 'voice';
      };
  'csat.submitted': {
    readonly rating: number;
    readonly comment?: string;
    /** The channel the answer came by (a reply in the thread); absent from the widget's form. */
    readonly via?: string;
  };
  'channel.reaction': {
    readonly providerMessageId: string;
    readonly targetProviderMessageId: string;
    /** Null: the reaction was removed. */
    readonly emoji: string | null;
  };
  /** Messenger's Handover Protocol: who has the thread now. */
  'channel.thread_control': {
    /**
     * The provider's `pass`, `take`, `standby`; Baton's own `passed` / `pass_failed`, and
     * `took` / `requested` (or `take_failed` / `request_failed`) when the policy wanted a person.
     */
    readonly action:
      | 'pass'
      | 'take'
      | 'standby'
      | 'passed'
      | 'pass_failed'
      | 'took'
      | 'take_failed'
      | 'requested'
      | 'request_failed';
    readonly appId: string | null;
    /** Baton's take or request: the policy's reason code, sent as the call's metadata. */
    readonly reason?: string;
    /** The provider's HTTP status when Baton's own pass failed. */
    readonly status?: number;
  };
  /** An SMS compliance keyword (STOP, START …) as the customer wrote it. */
  'channel.opt_out': { readonly keyword: string };
  'channel.opt_in': { readonly keyword: string };
  'channel.voice_call': VoiceCallData;
}
