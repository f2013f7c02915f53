/**
 * Stored conversations as `baton.transcript/1` lines (../shared/spec/transcripts.md), so
 * last month's real traffic can be replayed against a new policy.
 */
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import { transcriptFromEvents } from './transcript-from-events.ts';

export function exportTranscript(conversation: ConversationRecord, events: readonly StoredEvent[]) {
  const view = transcriptFromEvents(conversation, events);
  return {
    format: 'baton.transcript/1',
    id: conversation.id,
    channel: conversation.channel,
    ...(conversation.language ? { language: conversation.language } : {}),
    started_at: conversation.createdAt,
    customer: conversation.customer,
    turns: view.turns,
    // Not part of the format; replay ignores unknown keys, people reading the file do not.
    outcome: {
      status: conversation.status,
      handoff: conversation.handoff,
      resolved_at: conversation.resolvedAt,
    },
  };
}
