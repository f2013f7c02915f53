/**
 * Who is on the team, how loaded each agent is, their presence and the audit log of account
 * changes: the reads (and the presence switch) the HTTP edge needs without touching the store.
 */
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { AuditLogView } from '../audit/audit-log-view.ts';

export type Presence = AgentRecord['presence'];

export class TeamDirectory {
  /** The audit log with names, by page or as CSV. */
  readonly audit: AuditLogView;

  constructor(private readonly store: Store) {
    this.audit = new AuditLogView(store);
  }

  /** Active accounts; with `includeDisabled`, every account. */
  list(options: { includeDisabled?: boolean } = {}): Promise<AgentRecord[]> {
    return this.store.agents.list(options);
  }

  /** Open conversations per agent id (agents without any are absent). */
  loadByAgent(): Promise<Map<string, number>> {
    return this.store.reads.loadByAgent();
  }

  /** The updated agent, or undefined when the account is gone. */
  setPresence(agentId: string, presence: Presence): Promise<AgentRecord | undefined> {
    return this.store.agents.setPresence(agentId, presence);
  }
}
