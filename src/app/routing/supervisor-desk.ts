/**
 * What a supervisor does from the dashboard: read the live overview and move a conversation
 * to another queue or a named agent. Binds the store, the writer and presence once at boot.
 */
import type { AgentRecord, ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { SupervisorOverview } from '../../core/routing/supervisor-overview.ts';
import {
  reassignConversation,
  type ReassignDeps,
  type ReassignTarget,
} from './supervisor-reassign.ts';
import { loadSupervisorOverview, type SupervisorSnapshotDeps } from './supervisor-snapshot.ts';

export type SupervisorDeskDeps = Omit<SupervisorSnapshotDeps, 'queues'> & ReassignDeps;

export class SupervisorDesk {
  constructor(private readonly deps: SupervisorDeskDeps) {}

  overview(now: Date): Promise<SupervisorOverview> {
    return loadSupervisorOverview({ ...this.deps, queues: this.deps.queues.list }, now);
  }

  reassign(
    id: string,
    supervisor: AgentRecord,
    target: ReassignTarget,
    reason?: string,
  ): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
    return reassignConversation(this.deps, id, supervisor, target, reason);
  }
}
