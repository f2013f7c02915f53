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
  DEFAULT_TEMPLATES,
  messageLanguage,
  renderTemplate,
  type TemplateOverrides,
} from '../../core/sla/message-templates.ts';

/**
 * The bot's first words (English: nothing is known of the customer's language yet). How to
 * reach a person depends on the channel: only the widget has a "Talk to a human" button;
 * elsewhere the customer writes it ("agent" alone is a request, core/signals).
 */
export function greetingText(botName: string, channel: string): string {
  return (
    `Hi! I'm ${botName}, an automated assistant — a bot, not a person. ` +
    'I can help with orders, shipping, returns, payments and your account. ' +
    `If you would rather talk to a person, ${REACH_A_PERSON[channel] ?? WRITE_AGENT}`
  );
}

const WRITE_AGENT = 'write “agent” or just say so, at any time.';
const REACH_A_PERSON: Readonly<Record<string, string>> = {
  web: 'press “Talk to a human” or just say so, at any time.',
  sms: 'reply “agent” at any time.',
  email: 'reply “agent” at any time.',
};

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
  readonly overrides?: TemplateOverrides;
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
    text: `${expectation} ${renderTemplate('context_kept', language, {}, overrides)}`,
    band,
    longQueue: band !== null && input.agentsOnline > 0 && band.highMinutes > longQueueMinutes,
  };
}

export function handoffText(input: HandoffMessageInput): string {
  return handoffMessage(input).text;
}

/** `team`: the queue's team name (QueueCatalog.teamName). */
export function agentJoinedText(agentName: string, team: string, language: string | null): string {
  return expectationMessage({ kind: 'agent_joined', team, agentName }, language ?? 'en');
}

export function resolvedText(language: string | null, overrides: TemplateOverrides = {}): string {
  return renderTemplate('resolved', language ?? 'en', {}, overrides);
}

/** `team`: the new queue's team name (QueueCatalog.teamName); overrides: the queue's. */
export function transferredText(
  team: string,
  language: string | null,
  overrides: TemplateOverrides = {},
): string {
  return renderTemplate('transferred', language ?? 'en', { team }, overrides);
}

export function returnedToBotText(
  agentName: string,
  language: string | null,
  overrides: TemplateOverrides = {},
): string {
  return renderTemplate('returned_to_bot', language ?? 'en', { agent: agentName }, overrides);
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
  overrides: TemplateOverrides = {},
) {
  const request = renderTemplate('csat_request', language ?? 'en', {}, overrides);
  if (!byReply) return request;
  return `${request} ${renderTemplate('csat_reply_hint', language ?? 'en', {}, overrides)}`;
}

/**
 * The survey's ratings as choices: ids "1" to "5" (read back as the rating), labelled with
 * stars, which need no translation. The text already says to reply with the number, so
 * channels without buttons add nothing (no `typeHint`, see app/channels/reply-choices.ts).
 */
export function csatChoices(): Choice[] {
  return [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: '★'.repeat(n) }));
}

export function csatThanksText(language: string | null, overrides: TemplateOverrides = {}) {
  return renderTemplate('csat_thanks', language ?? 'en', {}, overrides);
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
  return `${text} ${DEFAULT_TEMPLATES[messageLanguage(language)].context_kept}`;
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
    (canEmail && typeof conversation.customer.email === 'string')
  );
}
