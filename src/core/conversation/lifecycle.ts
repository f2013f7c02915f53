/**
 * The clocks of a conversation: since when who waits for whom, and how far each escalation
 * ladder has gone. A pure fold over the events of each commit (`advanceLifecycle`), stored with
 * the conversation, and the only input `timersFor` needs besides the state itself.
 */
import type { ConversationEventType, EventData } from './conversation-events.ts';
import type { ConversationState } from './conversation-state.ts';

export interface FollowUp {
  readonly at: string;
  readonly reason: 'team_open' | 'callback';
  readonly phone?: string;
}

export interface Lifecycle {
  /** The status this lifecycle was last advanced for (to see a status change). */
  readonly status: ConversationState | null;
  /** Queued or offered: when the current waiting spell began. */
  readonly waitingSince: string | null;
  /** When the SLA clock of this spell last (re)started: the spell's start or the last breach. */
  readonly slaFrom: string | null;
  /** SLA breaches recorded in this spell. */
  readonly slaStage: number;
  /** Queues this spell overflowed from (it never goes back to them). */
  readonly overflowedFrom: readonly string[];
  readonly offeredAt: string | null;
  /** Times every eligible agent let the offer pass and the round began again. */
  readonly offerRounds: number;
  /** When an agent last declined or let an offer expire (the next round waits a pause). */
  readonly lastPassedAt?: string | null;
  /** Assigned: since when the customer waits for the agent's reply; null when answered. */
  readonly awaitingAgentSince: string | null;
  /** Rungs of the silent-agent ladder done: 0 none, 1 nudged, 2 supervisor alerted. */
  readonly replyStage: number;
  /** Deferred: the promised follow-up. */
  readonly followUp: FollowUp | null;
  /** A web customer's socket closed while waiting: since when they are away. */
  readonly customerAwaySince: string | null;
  /** The time by which the customer was told to expect a person; null when nothing stands. */
  readonly promisedBy: string | null;
  /** The customer has written at least once (the bot's greeting before that answers nobody). */
  readonly customerSpoke?: boolean;
  /** With the bot: when it last answered the customer; null while the customer has the word. */
  readonly botAnsweredAt?: string | null;
  /** The bot's last answer was to a goodbye or a thank-you: the conversation is closing. */
  readonly botClosing?: boolean;
  /** The conversation has been out of the bot's hands (intake, waiting, a person) at least once. */
  readonly leftBot?: boolean;
  /** The satisfaction survey has been asked (or answered): never again. */
  readonly surveyed?: boolean;
}

export const EMPTY_LIFECYCLE: Lifecycle = Object.freeze({
  status: null,
  waitingSince: null,
  slaFrom: null,
  slaStage: 0,
  overflowedFrom: [],
  offeredAt: null,
  offerRounds: 0,
  lastPassedAt: null,
  awaitingAgentSince: null,
  replyStage: 0,
  followUp: null,
  customerAwaySince: null,
  promisedBy: null,
  customerSpoke: false,
  botAnsweredAt: null,
  botClosing: false,
  leftBot: false,
  surveyed: false,
});

/** What a commit can say about the clocks that no event carries (presence, promises). */
export type LifecyclePatch = Partial<
  Pick<Lifecycle, 'followUp' | 'customerAwaySince' | 'promisedBy'>
>;

/** What the fold reads of an event being committed (a `NewEvent` is one), its data typed. */
export type LifecycleEvent = {
  readonly [T in ConversationEventType]: {
    readonly type: T;
    readonly actor: { readonly type: string };
    readonly data: EventData<T>;
  };
}[ConversationEventType];

const WAITING: readonly ConversationState[] = ['queued', 'offered'];
/** Events that put the conversation in a new waiting spell even without a status change. */
const NEW_SPELL = new Set(['conversation.transferred', 'conversation.reassigned']);

export function advanceLifecycle(
  before: Lifecycle,
  status: ConversationState,
  events: readonly LifecycleEvent[],
  at: Date,
  patch: LifecyclePatch = {},
): Lifecycle {
  const now = at.toISOString();
  let l: Lifecycle = { ...before, status };
  const wasWaiting = before.status !== null && WAITING.includes(before.status);
  const isWaiting = WAITING.includes(status);
  if (isWaiting && (!wasWaiting || events.some((e) => NEW_SPELL.has(e.type)))) {
    l = {
      ...l,
      waitingSince: now,
      slaFrom: now,
      slaStage: 0,
      overflowedFrom: [],
      promisedBy: null,
    };
  }
  if (!isWaiting) l = { ...l, waitingSince: null, slaFrom: null, slaStage: 0, promisedBy: null };
  if (status !== 'offered') l = { ...l, offeredAt: null };
  // Reserved for someone now (by the router, a named transfer …): the offer clock starts.
  else if (before.status !== 'offered') l = { ...l, offeredAt: now };
  if (status === 'assigned' && before.status !== 'assigned') {
    // Taken: the customer now waits for the agent's first word.
    l = { ...l, awaitingAgentSince: now, replyStage: 0, offerRounds: 0 };
  }
  if (status !== 'assigned') l = { ...l, awaitingAgentSince: null, replyStage: 0 };
  if (status !== 'deferred') l = { ...l, followUp: null };
  if (status !== 'queued' && status !== 'offered' && status !== 'deferred') {
    l = { ...l, customerAwaySince: null };
  }
  if (status !== 'bot') l = { ...l, leftBot: true, botAnsweredAt: null, botClosing: false };
  for (const e of events) l = applyEvent(l, e, now);
  return { ...l, ...patch };
}

function applyEvent(l: Lifecycle, e: LifecycleEvent, now: string): Lifecycle {
  switch (e.type) {
    case 'conversation.offered':
      return { ...l, offeredAt: now };
    case 'conversation.sla_breached':
      return { ...l, slaStage: l.slaStage + 1, slaFrom: now };
    case 'conversation.overflowed':
      return { ...l, overflowedFrom: [...l.overflowedFrom, e.data.fromQueue] };
    case 'conversation.offer_declined':
    case 'conversation.offer_expired':
      return { ...l, lastPassedAt: now };
    case 'conversation.offer_round_completed':
      return { ...l, offerRounds: l.offerRounds + 1 };
    case 'conversation.agent_nudged':
      return { ...l, replyStage: Math.max(l.replyStage, 1) };
    case 'conversation.supervisor_alerted':
      return e.data.reason === 'agent_silent' ? { ...l, replyStage: Math.max(l.replyStage, 2) } : l;
    case 'csat.submitted':
      return { ...l, surveyed: true };
    case 'message.created':
      return applyMessage(surveyAndBotClocks(l, e, now), e, now);
    // The status change alone moves the clocks for these (advanceLifecycle, above); listed so
    // that a new event type is considered here.
    case 'callback.requested':
    case 'channel.opt_in':
    case 'channel.opt_out':
    case 'channel.reaction':
    case 'channel.thread_control':
    case 'channel.voice_call':
    case 'conversation.abandoned':
    case 'conversation.assigned':
    case 'conversation.continue_by_message':
    case 'conversation.created':
    case 'conversation.deferred':
    case 'conversation.handed_over':
    case 'conversation.intake_started':
    case 'conversation.reassigned':
    case 'conversation.requeued':
    case 'conversation.resolved':
    case 'conversation.resumed':
    case 'conversation.returned_to_bot':
    case 'conversation.transferred':
    case 'handoff.fields_added':
    case 'handoff.summarized':
    case 'message.delivery':
    case 'message.read':
    case 'message.status':
    case 'note.created':
      return l;
  }
}

/** Bot-only conversations: when the bot last answered, whether it was a goodbye, asked yet. */
const CLOSING_INTENTS = new Set(['goodbye', 'thanks']);

type MessageEvent = Extract<LifecycleEvent, { readonly type: 'message.created' }>;

function surveyAndBotClocks(l: Lifecycle, e: MessageEvent, now: string): Lifecycle {
  if (e.data.kind === 'csat_request') return { ...l, surveyed: true };
  if (l.status !== 'bot') return l;
  if (e.actor.type === 'customer') {
    return { ...l, customerSpoke: true, botAnsweredAt: null, botClosing: false };
  }
  if (e.actor.type !== 'bot' || l.customerSpoke !== true) return l;
  // Several messages of one answer: the last one decides whether it closes the conversation.
  return {
    ...l,
    botAnsweredAt: now,
    botClosing: typeof e.data.intent === 'string' && CLOSING_INTENTS.has(e.data.intent),
  };
}

/**
 * A message told while waiting with a wait band (`data.band`) is a promise: a person by the
 * band's upper end (at least a minute). `band: null` says no time was promised. In an assigned
 * conversation, the customer's message starts the agent's reply clock and the agent's stops it.
 */
function applyMessage(l: Lifecycle, e: MessageEvent, now: string): Lifecycle {
  if (l.status === 'assigned') {
    if (e.actor.type === 'customer') {
      return { ...l, awaitingAgentSince: l.awaitingAgentSince ?? now };
    }
    if (e.actor.type === 'agent') return { ...l, awaitingAgentSince: null, replyStage: 0 };
    return l;
  }
  if ((l.status !== 'queued' && l.status !== 'offered') || !('band' in e.data)) return l;
  const band = e.data.band;
  // The latest band told replaces the promise: the customer was told a new time, honestly.
  // A plain update must therefore not be the one to replace a promise that already passed
  // (estimate-updates.ts waits; promise-due.ts apologises and tells the new band).
  if (!band) return { ...l, promisedBy: null };
  const minutes = Math.max(1, band.highMinutes);
  return { ...l, promisedBy: new Date(Date.parse(now) + minutes * 60_000).toISOString() };
}
