/**
 * The database schema as Kysely sees it. JSON columns are stored as text and timestamps as
 * ISO-8601 text, so the same queries run unchanged on SQLite and PostgreSQL. The messages'
 * full-text index (migration 025: an FTS5 table in SQLite, an index in PostgreSQL) is not a
 * table here; message-search.ts queries it in SQL.
 */

export interface ConversationsTable {
  id: string;
  channel: string;
  status: string;
  queue: string | null;
  priority: number | null;
  assignee_id: string | null;
  offered_to: string | null;
  language: string | null;
  customer: string;
  customer_key: string | null;
  external_thread: string | null;
  channel_state: string | null;
  declined_by: string | null;
  lifecycle: string | null;
  token_hash: string;
  last_seq: number;
  handoff: string | null;
  preview: string | null;
  created_at: string;
  updated_at: string;
  handed_over_at: string | null;
  resolved_at: string | null;
}

export interface EventsTable {
  conversation_id: string;
  seq: number;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  data: string;
  client_message_id: string | null;
  created_at: string;
}

export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  skills: string;
  created_at: string;
  presence: string;
  max_concurrent: number;
  languages: string;
  disabled_at: string | null;
  /** Base32 TOTP secret; pending until `totp_enabled_at` is set (migration 024). */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last time step a code was accepted at: a code is never taken twice. */
  totp_last_step: number | string | null;
  /** Where the agent takes calls: E.164, `browser`, or null for the configuration's rule (027). */
  voice_line: string | null;
  /** The current profile picture's version; null: none (migration 028). */
  avatar_version: string | null;
}

export interface AgentAvatarsTable {
  agent_id: string;
  mime_type: string;
  size: number;
  content_base64: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  /** What the session is named by in the API (`s_…`); null only before migration 023 ran. */
  id: string | null;
  agent_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface TimersTable {
  id: string;
  conversation_id: string;
  kind: string;
  due_at: string;
  data: string;
  status: string;
  claimed_by: string | null;
  claimed_until: string | null;
  attempts: number;
  created_at: string;
  fired_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  conversation_id: string;
  seq: number;
  type: string;
  url: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamAuditTable {
  id: string;
  at: string;
  actor_id: string;
  agent_id: string;
  action: string;
  changes: string;
  /** The client address the action came from; null for the CLI and older rows. */
  ip: string | null;
}

export interface MediaFilesTable {
  conversation_id: string;
  ref: string;
  mime_type: string;
  file_name: string | null;
  size: number;
  content_base64: string;
  created_at: string;
}

/** Each provider message once per channel, whatever its conversation's state (see migration 021). */
export interface ProviderMessagesTable {
  channel: string;
  provider_message_id: string;
  conversation_id: string;
  created_at: string;
}

/** One-time recovery codes for two-factor log-in, as SHA-256 hashes; a used one is deleted. */
export interface AgentRecoveryCodesTable {
  agent_id: string;
  code_hash: string;
  created_at: string;
}

/** A table the server erased rows from, waiting for PostgreSQL's compaction window (migration 029). */
export interface CompactionPendingTable {
  table_name: string;
  erased_at: string;
  due_at: string;
  attempts: number;
  last_outcome: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

/** Staff's private notes about a person, under the contact's key (migration 032). */
export interface ContactNotesTable {
  id: string;
  contact_key: string;
  conversation_id: string;
  author_id: string;
  text: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  conversations: ConversationsTable;
  events: EventsTable;
  agents: AgentsTable;
  agent_recovery_codes: AgentRecoveryCodesTable;
  sessions: SessionsTable;
  timers: TimersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  team_audit: TeamAuditTable;
  media_files: MediaFilesTable;
  agent_avatars: AgentAvatarsTable;
  provider_messages: ProviderMessagesTable;
  compaction_pending: CompactionPendingTable;
  contact_notes: ContactNotesTable;
}
