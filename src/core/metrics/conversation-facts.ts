/**
 * What one conversation's event log says, reduced to the facts the metrics count: when it
 * was handed over and why, when a person first answered, how it ended. Time to human is
 * measured from the handoff, never counting the minutes spent with the bot.
 */
import { isMisroute } from '../routing/is-misroute.ts';

/**
 * An event as the metrics read it. Logs span every version's stored rows, so each field is
 * checked at run time here rather than taken from the registry's types (event-data.ts).
 */
export interface LoggedEvent {
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly type: string; readonly id?: string };
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ConversationLog {
  readonly id: string;
  readonly channel: string;
  readonly language: string | null;
  /** Who the customer is across conversations (same id or email), for recontact; null if unknown. */
  readonly customerKey?: string | null;
  readonly events: readonly LoggedEvent[];
}

export interface ConversationFacts {
  readonly id: string;
  readonly channel: string;
  readonly language: string | null;
  readonly customerKey: string | null;
  readonly startedAt: string | null;
  readonly handedOverAt: string | null;
  readonly reasons: readonly string[];
  readonly queue: string | null;
  readonly assignedAt: string | null;
  readonly firstHumanReplyAt: string | null;
  readonly resolvedAt: string | null;
  readonly abandonedAt: string | null;
  readonly transfers: number;
  readonly misrouted: boolean;
  /** Moved by a supervisor (to a queue or a named agent). */
  readonly reassignments: number;
  /** Moved to a fallback queue after an SLA breach. */
  readonly overflows: number;
  readonly agentMessages: number;
  readonly repeatWarnings: number;
  readonly repeatOverrides: number;
  readonly outcome: {
    readonly resolved?: boolean;
    readonly botCouldHaveHandled?: boolean;
    readonly note?: string;
  } | null;
  readonly slaBreaches: number;
  /** The customer's rating, 1–5, if they gave one. */
  readonly csat: number | null;
}

export function conversationFacts(log: ConversationLog): ConversationFacts {
  let handedOverAt: string | null = null;
  let reasons: string[] = [];
  let queue: string | null = null;
  let assignedAt: string | null = null;
  let firstHumanReplyAt: string | null = null;
  let resolvedAt: string | null = null;
  let abandonedAt: string | null = null;
  let agentMessages = 0;
  let repeatWarnings = 0;
  let repeatOverrides = 0;
  let slaBreaches = 0;
  let outcome: ConversationFacts['outcome'] = null;
  let csat: number | null = null;
  const transfers: Array<{ toQueue: string; toAgentId?: string }> = [];
  let reassignments = 0;
  let overflows = 0;
  for (const e of log.events) {
    const d = e.data;
    switch (e.type) {
      case 'conversation.handed_over':
        // A conversation returned to the bot and handed over again counts from the first time.
        handedOverAt ??= e.at;
        if (reasons.length === 0) reasons = Array.isArray(d.reasons) ? (d.reasons as string[]) : [];
        queue ??= typeof d.queue === 'string' ? d.queue : null;
        break;
      case 'conversation.assigned':
        assignedAt ??= e.at;
        break;
      case 'conversation.transferred':
        if (typeof d.toQueue === 'string') {
          transfers.push({
            toQueue: d.toQueue,
            ...(typeof d.toAgentId === 'string' ? { toAgentId: d.toAgentId } : {}),
          });
        }
        break;
      case 'conversation.reassigned':
        reassignments++;
        break;
      case 'conversation.overflowed':
        overflows++;
        break;
      case 'conversation.sla_breached':
        slaBreaches++;
        break;
      case 'conversation.resolved':
        resolvedAt = e.at;
        outcome = pickOutcome(d);
        break;
      case 'conversation.abandoned':
        abandonedAt = e.at;
        break;
      case 'csat.submitted':
        if (typeof d.rating === 'number') csat = d.rating;
        break;
      case 'message.created':
        if (d.from !== 'agent') break;
        agentMessages++;
        firstHumanReplyAt ??= e.at;
        if (isRepeatGuard(d.repeatGuard)) {
          repeatWarnings += d.repeatGuard.fields.length > 0 ? 1 : 0;
          repeatOverrides += d.repeatGuard.overridden ? 1 : 0;
        }
        break;
      default:
        break;
    }
  }
  return {
    id: log.id,
    channel: log.channel,
    language: log.language,
    customerKey: log.customerKey ?? null,
    startedAt: log.events[0]?.at ?? null,
    handedOverAt,
    reasons,
    queue,
    assignedAt,
    firstHumanReplyAt,
    resolvedAt,
    abandonedAt,
    transfers: transfers.length,
    misrouted: queue !== null && isMisroute({ initialQueue: queue, transfers }),
    reassignments,
    overflows,
    agentMessages,
    repeatWarnings,
    repeatOverrides,
    outcome,
    slaBreaches,
    csat,
  };
}

function isRepeatGuard(value: unknown): value is { fields: string[]; overridden: boolean } {
  const v = value as { fields?: unknown; overridden?: unknown } | null;
  return Array.isArray(v?.fields) && typeof v.overridden === 'boolean';
}

function pickOutcome(
  d: Readonly<Record<string, unknown>>,
): NonNullable<ConversationFacts['outcome']> {
  return {
    ...(typeof d.resolved === 'boolean' ? { resolved: d.resolved } : {}),
    ...(typeof d.botCouldHaveHandled === 'boolean'
      ? { botCouldHaveHandled: d.botCouldHaveHandled }
      : {}),
    ...(typeof d.note === 'string' ? { note: d.note } : {}),
  };
}
