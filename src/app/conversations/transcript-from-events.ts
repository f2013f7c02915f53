/** Builds the policy's view of a conversation from its event log. */
import { botReportedFields } from '../../core/handoff/bot-reported-fields.ts';
import { trustedCustomer } from '../../core/customer/trusted-customer.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { TranscriptTurn, TranscriptView } from './ports.ts';

export function transcriptFromEvents(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
): TranscriptView {
  const turns: TranscriptTurn[] = [];
  const reports: Record<string, unknown>[] = [];
  for (const event of events) {
    if (event.type !== 'message.created') continue;
    const d = event.data;
    if (d.from === 'bot' && isObject(d.reportedFields)) reports.push(d.reportedFields);
    turns.push({
      at: event.at,
      from: d.from,
      ...(typeof d.text === 'string' ? { text: d.text } : {}),
      ...(d.action === 'request_human' ? { action: 'request_human' as const } : {}),
      ...(typeof d.confidence === 'number' ? { confidence: d.confidence } : {}),
      ...(typeof d.intent === 'string' ? { intent: d.intent } : {}),
      ...(isArticle(d.article) ? { article: { id: d.article.id, title: d.article.title } } : {}),
    });
  }
  return {
    id: conversation.id,
    channel: conversation.channel,
    language: conversation.language,
    startedAt: conversation.createdAt,
    // The policy believes only signed priority claims (trusted-customer.ts).
    customer: trustedCustomer(conversation.customer),
    turns,
    botFields: botReportedFields(reports),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArticle(value: unknown): value is { id: string; title: string } {
  const a = value as { id?: unknown; title?: unknown } | null;
  return typeof a?.id === 'string' && typeof a.title === 'string';
}
