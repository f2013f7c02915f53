/**
 * Who is on the team, how loaded each agent is, their presence and the audit log of account
 * changes: the reads (and the presence switch) the HTTP edge needs without touching the store.
 * Presence is shown as routing counts it: "online" only while an inbox of theirs is open, on
 * this node or another (src/core/routing/agent-presence.ts).
 */
import { presenceToStore, shownPresence } from '../../core/routing/agent-presence.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { AuditLogView } from '../audit/audit-log-view.ts';
import type { IsConnected } from '../routing/agent-availability.ts';

export type Presence = AgentRecord['presence'];

/** An agent as others see them: the presence shown, and whether an inbox of theirs is open. */
export type PresentAgent = AgentRecord & { readonly connected: boolean };

export class TeamDirectory {
  /** The audit log with names, by page or as CSV. */
  readonly audit: AuditLogView;

  constructor(
    private readonly store: Store,
    private readonly isConnected: IsConnected,
  ) {
    this.audit = new AuditLogView(store);
  }

  /** Active accounts; with `includeDisabled`, every account. */
  list(options: { includeDisabled?: boolean } = {}): Promise<AgentRecord[]> {
    return this.store.agents.list(options);
  }

  /** The agent with the presence others are shown and counted by. */
  present(agent: AgentRecord): PresentAgent {
    const connected = this.isConnected(agent.id);
    return { ...agent, presence: shownPresence(agent.presence, connected), connected };
  }

  /** Open conversations per agent id (agents without any are absent). */
  loadByAgent(): Promise<Map<string, number>> {
    return this.store.reads.loadByAgent();
  }

  /**
   * The agent chooses a presence. "online" takes effect only with an open inbox; without
   * one they stay (or, from away, become) offline, and the inbox opening makes them online.
   * Returns the agent with the presence they now have.
   */
  async choosePresence(agent: AgentRecord, chosen: Presence): Promise<PresentAgent> {
    const stored = presenceToStore(agent.presence, chosen, this.isConnected(agent.id));
    const updated =
      stored === agent.presence ? agent : await this.store.agents.setPresence(agent.id, stored);
    return this.present(updated ?? agent);
  }
}
