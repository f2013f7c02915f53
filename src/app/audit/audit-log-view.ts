/**
 * The audit log as people read it: each entry with the names of who acted and on whom, a page
 * at a time for the dashboard, or every matching entry (newest first, up to a limit) as CSV.
 */
import { csv } from '../../core/metrics/csv-export.ts';
import type { Store } from '../../store/store.ts';
import type { TeamAuditEntry } from '../../store/team-audit-repository.ts';

export interface AuditFilter {
  readonly agentId?: string;
  /** One action, or a family ending with a dot (`session.`). */
  readonly action?: string;
}

export interface NamedAuditEntry {
  readonly id: string;
  readonly at: string;
  readonly action: string;
  readonly actor: { readonly id: string; readonly name: string | null };
  readonly agent: { readonly id: string; readonly name: string | null };
  readonly changes: Record<string, unknown>;
  readonly ip: string | null;
}

const EXPORT_PAGE = 500;

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'action',
  'actor_id',
  'actor_name',
  'agent_id',
  'agent_name',
  'ip',
  'details',
] as const;

export class AuditLogView {
  constructor(private readonly store: Store) {}

  async page(
    query: AuditFilter & { readonly limit: number; readonly before?: string },
  ): Promise<{ entries: NamedAuditEntry[]; next: string | null }> {
    const page = await this.store.teamAudit.page(query);
    const name = await this.names();
    return { entries: page.entries.map((e) => named(e, name)), next: page.next };
  }

  /** Every matching entry up to `limit`, newest first, as one CSV document. */
  async csv(filter: AuditFilter, limit: number): Promise<string> {
    const name = await this.names();
    const rows: (string | null)[][] = [];
    let before: string | undefined;
    while (rows.length < limit) {
      const page = await this.store.teamAudit.page({
        ...filter,
        limit: Math.min(EXPORT_PAGE, limit - rows.length),
        ...(before !== undefined ? { before } : {}),
      });
      for (const e of page.entries.map((entry) => named(entry, name))) {
        rows.push([
          e.id,
          e.at,
          e.action,
          e.actor.id,
          e.actor.name,
          e.agent.id,
          e.agent.name,
          e.ip,
          Object.keys(e.changes).length > 0 ? JSON.stringify(e.changes) : null,
        ]);
      }
      if (page.next === null) break;
      before = page.next;
    }
    return csv(AUDIT_CSV_COLUMNS, rows);
  }

  private async names(): Promise<(id: string) => string | null> {
    const agents = await this.store.agents.list({ includeDisabled: true });
    const byId = new Map(agents.map((a) => [a.id, a.name]));
    return (id) => byId.get(id) ?? null;
  }
}

function named(entry: TeamAuditEntry, name: (id: string) => string | null): NamedAuditEntry {
  return {
    id: entry.id,
    at: entry.at,
    action: entry.action,
    actor: { id: entry.actorId, name: name(entry.actorId) },
    agent: { id: entry.agentId, name: name(entry.agentId) },
    changes: entry.changes,
    ip: entry.ip,
  };
}
