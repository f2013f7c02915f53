/** Converts between database rows and records. */
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import type { ConversationEventType } from '../core/conversation/conversation-events.ts';
import { EMPTY_LIFECYCLE } from '../core/conversation/lifecycle.ts';
import type {
  ActorType,
  AgentRecord,
  ConversationChanges,
  ConversationRecord,
  StoredEvent,
} from '../core/records.ts';
import type { AgentsTable, ConversationsTable, EventsTable } from './schema.ts';

export function toConversation(row: ConversationsTable): ConversationRecord {
  const record = {
    id: row.id,
    channel: row.channel,
    status: row.status as ConversationState,
    queue: row.queue,
    priority: row.priority === null ? null : Number(row.priority),
    assigneeId: row.assignee_id,
    offeredTo: row.offered_to,
    language: row.language,
    tokenHash: row.token_hash,
    lastSeq: Number(row.last_seq),
    preview: row.preview,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    handedOverAt: row.handed_over_at,
    resolvedAt: row.resolved_at,
    externalThread: row.external_thread,
  };
  // The JSON columns (the handoff holds the whole packet) are parsed only when read: every
  // message's commit returns the row, and most never look at them.
  lazyJson(record, 'customer', row.customer, {});
  lazyJson(record, 'handoff', row.handoff, null);
  lazyJson(record, 'channelState', row.channel_state, {});
  lazyJson(record, 'declinedBy', row.declined_by, []);
  lazyJson(record, 'lifecycle', row.lifecycle, EMPTY_LIFECYCLE);
  return record as unknown as ConversationRecord;
}

function lazyJson(target: object, key: string, text: string | null, fallback: unknown): void {
  let parsed: unknown;
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    get() {
      if (!done) {
        parsed = text === null ? fallback : JSON.parse(text);
        done = true;
      }
      return parsed;
    },
  });
}

export function toEvent(row: EventsTable): StoredEvent {
  const actor: { type: ActorType; id?: string; name?: string } = {
    type: row.actor_type as ActorType,
  };
  if (row.actor_id !== null) actor.id = row.actor_id;
  if (row.actor_name !== null) actor.name = row.actor_name;
  return {
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    // Only the writer adds events, with types from the registry (core/conversation/conversation-events.ts).
    type: row.type as ConversationEventType,
    at: row.created_at,
    actor,
    data: JSON.parse(row.data) as Record<string, unknown>,
    // The store's one trust boundary for event data: the writer stored it typed by its type.
  } as StoredEvent;
}
export function toAgent(row: AgentsTable): AgentRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    role: row.role as AgentRecord['role'],
    skills: JSON.parse(row.skills) as string[],
    createdAt: row.created_at,
    presence: row.presence as AgentRecord['presence'],
    maxConcurrent: Number(row.max_concurrent),
    languages: JSON.parse(row.languages) as string[],
    disabledAt: row.disabled_at ?? null,
    totpEnabled: row.totp_enabled_at != null,
    voiceLine: row.voice_line ?? null,
    avatarVersion: row.avatar_version ?? null,
  };
}

/** The column updates for a set of record changes (only the keys that are present). */
export function toConversationColumns(changes: ConversationChanges): Partial<ConversationsTable> {
  const cols: Partial<ConversationsTable> = {};
  if (changes.status !== undefined) cols.status = changes.status;
  if (changes.queue !== undefined) cols.queue = changes.queue;
  if (changes.priority !== undefined) cols.priority = changes.priority;
  if (changes.assigneeId !== undefined) cols.assignee_id = changes.assigneeId;
  if (changes.offeredTo !== undefined) cols.offered_to = changes.offeredTo;
  if (changes.language !== undefined) cols.language = changes.language;
  if (changes.handoff !== undefined) {
    cols.handoff = changes.handoff === null ? null : JSON.stringify(changes.handoff);
  }
  if (changes.preview !== undefined) cols.preview = changes.preview;
  if (changes.handedOverAt !== undefined) cols.handed_over_at = changes.handedOverAt;
  if (changes.resolvedAt !== undefined) cols.resolved_at = changes.resolvedAt;
  if (changes.channelState !== undefined) cols.channel_state = JSON.stringify(changes.channelState);
  if (changes.declinedBy !== undefined) cols.declined_by = JSON.stringify(changes.declinedBy);
  return cols;
}
