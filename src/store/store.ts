/** The store: one database, its repositories, and its lifecycle. */
import { CompactionRepository } from './compaction-repository.ts';
import { ErasureRepository } from './erasure-repository.ts';
import type { Kysely } from 'kysely';
import { AgentRepository } from './agent-repository.ts';
import { SessionRepository } from './session-repository.ts';
import { ContactNoteRepository } from './contact-note-repository.ts';
import { ConversationHistory } from './conversation-history.ts';
import { ConversationReads } from './conversation-reads.ts';
import { ConversationRepository } from './conversation-repository.ts';
import { TeamAuditRepository } from './team-audit-repository.ts';
import { TotpRepository } from './totp-repository.ts';
import { MediaFileRepository } from './media-file-repository.ts';
import { AgentAvatarRepository } from './agent-avatar-repository.ts';
import { TimerRepository } from './timer-repository.ts';
import { WebhookDeliveryRepository } from './webhook-delivery-repository.ts';
import { BatchAnnouncements } from './batch-announcements.ts';
import { migrateToLatest, type MigrateResult } from './migrate.ts';
import { openDatabase, type DatabaseEngine, type OpenDatabaseOptions } from './open-database.ts';
import type { Database } from './schema.ts';
import type { WalCheckpointer } from './wal-checkpointer.ts';

export interface Store {
  readonly engine: DatabaseEngine;
  readonly db: Kysely<Database>;
  readonly conversations: ConversationRepository;
  readonly reads: ConversationReads;
  /** The inbox's history and search, and one person's conversations. */
  readonly history: ConversationHistory;
  readonly agents: AgentRepository;
  /** Agents' sessions as their owner sees them (list, end one, last use). */
  readonly sessions: SessionRepository;
  readonly timers: TimerRepository;
  readonly webhooks: WebhookDeliveryRepository;
  readonly erasure: ErasureRepository;
  /** PostgreSQL: tables waiting for the compaction window after a server erasure. */
  readonly compaction: CompactionRepository;
  readonly teamAudit: TeamAuditRepository;
  /** Two-factor log-in: secrets, the last code's step, recovery codes. */
  readonly totp: TotpRepository;
  readonly mediaFiles: MediaFileRepository;
  readonly agentAvatars: AgentAvatarRepository;
  /** Staff's private notes about a person (the contact page). */
  readonly contactNotes: ContactNoteRepository;
  /** SQLite file only: the worker thread that checkpoints the WAL off the writer's turn. */
  readonly walCheckpointer?: WalCheckpointer;
  /**
   * Runs `work` with every query it makes in one transaction on PostgreSQL, for bulk writing
   * (postgres-batch.ts: any failed write rolls back all of it). SQLite runs it as it is: its
   * commits are local and already grouped (group-commit.ts). What the work announces through
   * `afterCommit` waits for the batch's end (batch-announcements.ts): on PostgreSQL it is
   * announced once the batch commits, in order, and never if it rolls back.
   */
  batch<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Announces a write that was just committed (`announce` publishes it in this process): at
   * once, or, inside a batch, when the batch ends (see `batch`).
   */
  afterCommit(announce: () => void): void;
  migrate(): Promise<MigrateResult>;
  close(): Promise<void>;
}

export function createStore(options: OpenDatabaseOptions): Store {
  const { db, engine, sqlite, walCheckpointer, batch } = openDatabase(options);
  const teamAudit = new TeamAuditRepository(db);
  // PostgreSQL's batch is one transaction (rolled back whole); SQLite's commits as it goes.
  const announcements = new BatchAnnouncements(batch ?? ((work) => work()), engine === 'postgres');
  return {
    engine,
    db,
    conversations: new ConversationRepository(db, sqlite),
    reads: new ConversationReads(db),
    history: new ConversationHistory(db, engine, sqlite),
    agents: new AgentRepository(db),
    sessions: new SessionRepository(db),
    timers: new TimerRepository(db, engine),
    webhooks: new WebhookDeliveryRepository(db),
    erasure: new ErasureRepository(db, engine, sqlite),
    compaction: new CompactionRepository(db, engine),
    teamAudit,
    totp: new TotpRepository(db, teamAudit),
    mediaFiles: new MediaFileRepository(db),
    agentAvatars: new AgentAvatarRepository(db),
    contactNotes: new ContactNoteRepository(db),
    batch: (work) => announcements.batch(work),
    afterCommit: (announce) => announcements.afterCommit(announce),
    migrate: () => migrateToLatest(db, engine),
    ...(walCheckpointer ? { walCheckpointer } : {}),
    close: async () => {
      await walCheckpointer?.close();
      await db.destroy();
    },
  };
}
