/**
 * CSV exports for a spreadsheet: one row per conversation with its facts, and the "could the
 * bot have handled it?" improvement items. RFC 4180 quoting; a cell that a spreadsheet would
 * run as a formula (=, +, -, @ first) is prefixed with a quote, since notes are free text.
 */
import type { ConversationFacts } from './conversation-facts.ts';
import { handoffQuality } from './handoff-metrics.ts';

type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(Number(value.toFixed(4))) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header line, then one line per row, CRLF-terminated. */
export function csv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const seconds = (from: string | null, to: string | null) =>
  from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null;

export const CONVERSATION_COLUMNS = [
  'conversation_id',
  'channel',
  'language',
  'started_at',
  'handed_over_at',
  'reasons',
  'queue',
  'queue_name',
  'assigned_at',
  'wait_seconds',
  'first_human_reply_at',
  'time_to_human_seconds',
  'resolved_at',
  'abandoned_at',
  'transfers',
  'misrouted',
  'reassignments',
  'overflows',
  'sla_breaches',
  'agent_messages',
  'repeat_warnings',
  'resolved',
  'bot_could_have_handled',
  'csat',
  'handoff_quality',
  'recontacted_within_7_days',
] as const;

/** A queue's display name (QueueCatalog.displayName); the id when the queue is unknown. */
export type QueueNameOf = (queue: string) => string;

const noNames: QueueNameOf = (queue) => queue;

/**
 * One row per conversation; `recontacted` says whether the customer came back within 7 days.
 * `queue` stays the id (for joins and filters), `queue_name` is what people read.
 */
export function conversationsCsv(
  facts: readonly ConversationFacts[],
  recontacted: (f: ConversationFacts) => boolean,
  queueName: QueueNameOf = noNames,
): string {
  return csv(
    CONVERSATION_COLUMNS,
    facts.map((f) => [
      f.id,
      f.channel,
      f.language,
      f.startedAt,
      f.handedOverAt,
      f.reasons.join(';'),
      f.queue,
      f.queue === null ? null : queueName(f.queue),
      f.assignedAt,
      seconds(f.handedOverAt, f.assignedAt),
      f.firstHumanReplyAt,
      seconds(f.handedOverAt, f.firstHumanReplyAt),
      f.resolvedAt,
      f.abandonedAt,
      f.transfers,
      f.misrouted,
      f.reassignments,
      f.overflows,
      f.slaBreaches,
      f.agentMessages,
      f.repeatWarnings,
      f.outcome?.resolved,
      f.outcome?.botCouldHaveHandled,
      f.csat,
      f.handedOverAt === null ? null : handoffQuality(f),
      f.resolvedAt === null ? null : recontacted(f),
    ]),
  );
}

export const IMPROVEMENT_COLUMNS = [
  'conversation_id',
  'started_at',
  'resolved_at',
  'channel',
  'language',
  'queue',
  'queue_name',
  'reasons',
  'note',
] as const;

/** The conversations an agent marked "the bot could have handled it", with the agent's note. */
export function improvementsCsv(
  facts: readonly ConversationFacts[],
  queueName: QueueNameOf = noNames,
): string {
  return csv(
    IMPROVEMENT_COLUMNS,
    facts
      .filter((f) => f.outcome?.botCouldHaveHandled === true)
      .map((f) => [
        f.id,
        f.startedAt,
        f.resolvedAt,
        f.channel,
        f.language,
        f.queue,
        f.queue === null ? null : queueName(f.queue),
        f.reasons.join(';'),
        f.outcome?.note,
      ]),
  );
}
