/**
 * What the customer is told at each step. Honest by construction: the handoff message
 * depends on whether anyone from the team is connected, and never promises instant help.
 */
import type { Choice } from '../../core/sla/choices.ts';
import { estimateWait, type WaitBand } from '../../core/sla/estimate-wait.ts';
import type { BusinessCalendar } from '../../core/sla/business-calendar.ts';
import {
  CHANNELS_THAT_REACH_LATER,
  expectationMessage,
} from '../../core/sla/expectation-message.ts';
import {
  customerLanguage,
  customerText,
  type CustomerTextOverrides,
} from '../../core/i18n/customer-text.ts';
import { WIDGET_CATALOGUES } from '../../core/i18n/widget-catalogues.ts';

/**
 * The bot's first words, in the language known when the conversation starts (the widget's or
 * API's, the channel's, or the first message's; English when none). How to reach a person
 * depends on the channel: only the widget has a button, named as the widget labels it in that
 * language; SMS and email reply with a word, other channels write it. The word is one the
 * human-request signal reads as a request on its own (core/signals), in that language.
 */
export function greetingText(botName: string, channel: string, language: string | null): string {
  if (channel === 'web') {
    const button = WIDGET_CATALOGUES[customerLanguage(language)].talkToHuman;
    return customerText('greeting_web', language, { bot: botName, button });
  }
  const word = customerText('reach_word', language, {});
  // A caller hears it, and says the word (channels/voice).
  if (channel === 'voice') return customerText('greeting_voice', language, { bot: botName, word });
  const key = channel === 'sms' || channel === 'email' ? 'greeting_reply' : 'greeting_write';
  return customerText(key, language, { bot: botName, word });
}

export interface HandoffMessageInput {
  readonly queue: string;
  readonly position: number;
  /** Agents online with the inbox open (0: nobody there, so nothing is promised). */
  readonly agentsOnline: number;
  /** Free places among those agents: a customer within them is served about at once. */
  readonly freeSlots?: number;
  /** Conversations each agent handles at once. */
  readonly concurrency?: number;
  readonly language: string | null;
  /** The queue's rolling handle time (measured, or the configured prior). */
  readonly averageHandleMinutes: number;
  /** Above this estimated wait the customer is offered a callback or an async reply. */
  readonly longQueueMinutes?: number;
  readonly team?: string;
  readonly overrides?: CustomerTextOverrides;
}

export interface HandoffMessage {
  readonly text: string;
  /** The band the customer was told (null: none was promised), for later updates. */
  readonly band: WaitBand | null;
  /** True when the band exceeds the long-queue threshold: the waiting options apply. */
  readonly longQueue: boolean;
}

/**
 * What the customer hears at the handoff: their place in line and an estimated wait as a
 * band when someone is there, an honest "nobody is online" when not, in their language, and
 * always that they will not have to repeat themselves.
 */
export function handoffMessage(input: HandoffMessageInput): HandoffMessage {
  const band =
    input.agentsOnline > 0
      ? estimateWait({
          position: input.position,
          agentsServing: input.agentsOnline,
          avgHandleMinutes: input.averageHandleMinutes,
          ...(input.concurrency ? { concurrency: input.concurrency } : {}),
          ...(input.freeSlots !== undefined ? { freeSlots: input.freeSlots } : {}),
        })
      : null;
  const language = input.language ?? 'en';
  const longQueueMinutes = input.longQueueMinutes ?? 15;
  const overrides = input.overrides ?? {};
  const expectation = expectationMessage(
    {
      kind: 'waiting',
      team: input.team ?? input.queue,
      agentsOnline: input.agentsOnline,
      position: input.position,
      band,
      longQueueMinutes,
    },
    language,
    overrides,
  );
  return {
    text: `${expectation} ${customerText('context_kept', language, {}, overrides)}`,
    band,
    longQueue: input.agentsOnline > 0 && isLongQueue(band, longQueueMinutes),
  };
}

/**
 * The long-queue rule of every channel: a wait was estimated (someone is there) and its high
 * end exceeds the queue's threshold (`routing.longQueueMinutes`), so the waiting options apply.
 */
export function isLongQueue(band: WaitBand | null, longQueueMinutes: number): boolean {
  return band !== null && band.highMinutes > longQueueMinutes;
}

export function handoffText(input: HandoffMessageInput): string {
  return handoffMessage(input).text;
}

/** `team`: the queue's team name (QueueCatalog.teamName). */
export function agentJoinedText(agentName: string, team: string, language: string | null): string {
  return expectationMessage({ kind: 'agent_joined', team, agentName }, language ?? 'en');
}

export function resolvedText(
  language: string | null,
  overrides: CustomerTextOverrides = {},
): string {
  return customerText('resolved', language, {}, overrides);
}

/** `team`: the new queue's team name (QueueCatalog.teamName); overrides: the queue's. */
export function transferredText(
  team: string,
  language: string | null,
  overrides: CustomerTextOverrides = {},
): string {
  return customerText('transferred', language, { team }, overrides);
}

export function returnedToBotText(
  agentName: string,
  language: string | null,
  overrides: CustomerTextOverrides = {},
): string {
  return customerText('returned_to_bot', language, { agent: agentName }, overrides);
}

/** `team`: the queue's team name (QueueCatalog.teamName). */
export function agentLeftText(agentName: string, team: string, language: string | null): string {
  return expectationMessage({ kind: 'agent_left', team, agentName }, language ?? 'en');
}

/**
 * The survey after resolution, in every channel. The widget shows stars under it; in other
 * channels the customer answers with a number from 1 to 5 (`byReply`), which says so.
 */
export function csatRequestText(
  language: string | null,
  byReply: boolean,
  overrides: CustomerTextOverrides = {},
) {
  const request = customerText('csat_request', language, {}, overrides);
  if (!byReply) return request;
  return `${request} ${customerText('csat_reply_hint', language, {}, overrides)}`;
}

/**
 * The survey's ratings as choices: ids "1" to "5" (read back as the rating), labelled with
 * stars, which need no translation. The text already says to reply with the number, so
 * channels without buttons add nothing (no `typeHint`, see app/channels/reply-choices.ts).
 */
export function csatChoices(): Choice[] {
  return [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: '★'.repeat(n) }));
}

export function csatThanksText(language: string | null, overrides: CustomerTextOverrides = {}) {
  return customerText('csat_thanks', language, {}, overrides);
}

/** After hours (`team`: the queue's team name): the request is saved, the follow-up time named in the team's zone, contact asked for where needed. */
export function closedText(
  conversation: { channel: string; language: string | null; customer: Record<string, unknown> },
  team: string,
  calendar: BusinessCalendar,
  now: Date,
  followUpAt: Date | null,
  canEmail: boolean,
): string {
  const language = conversation.language ?? 'en';
  const text = expectationMessage(
    {
      kind: 'closed',
      team,
      now,
      followUpAt,
      timeZone: calendar.timeZone,
      canReachLater: canReachLater(conversation, canEmail),
      canEmail,
    },
    language,
  );
  return `${text} ${customerText('context_kept', language, {})}`;
}

/**
 * Whether Baton can message the customer after they leave: their channel, or a known email
 * address when Baton can send email (`canEmail`: the email channel with an outbound relay).
 */
export function canReachLater(
  conversation: { channel: string; customer: Record<string, unknown> },
  canEmail: boolean,
): boolean {
  return (
    CHANNELS_THAT_REACH_LATER.includes(conversation.channel) ||
    // A caller whose number came with the call: the person following up calls them back.
    (conversation.channel === 'voice' && typeof conversation.customer.phone === 'string') ||
    (canEmail && typeof conversation.customer.email === 'string')
  );
}
