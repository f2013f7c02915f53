/** The per-agent report as CSV: one row per agent, with the agent's id and name. */
import type { AgentReportRow } from './agent-report.ts';
import { csv } from './csv-export.ts';

export const AGENT_COLUMNS = [
  'agent_id',
  'agent_name',
  'handled',
  'resolved',
  'first_response_count',
  'first_response_p50_seconds',
  'first_response_p90_seconds',
  'handle_count',
  'handle_p50_seconds',
  'csat_count',
  'csat_average',
  'transfers_out',
  'declined_offers',
  'expired_offers',
] as const;

export function agentsCsv(rows: readonly AgentReportRow[]): string {
  return csv(
    AGENT_COLUMNS,
    rows.map((r) => [
      r.agentId,
      r.name,
      r.handled,
      r.resolved,
      r.firstResponseSeconds.count,
      r.firstResponseSeconds.p50,
      r.firstResponseSeconds.p90,
      r.handleSeconds.count,
      r.handleSeconds.p50,
      r.csat.count,
      r.csat.average,
      r.transfersOut,
      r.declinedOffers,
      r.expiredOffers,
    ]),
  );
}
