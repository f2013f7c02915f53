/**
 * The staffing forecast over a stored range: reads the conversations' event logs and the team,
 * and hands them to the pure forecast (src/core/metrics/forecast). Shared by
 * `GET /api/v1/analytics/forecast` and `baton forecast`, so both print the same numbers.
 */
import {
  staffingForecast,
  weeklyDemand,
  type ServiceTarget,
  type StaffingForecast,
} from '../../core/metrics/forecast/index.ts';
import type { ConversationLog } from '../../core/metrics/index.ts';
import type { AgentRecord, ConversationRecord, StoredEvent } from '../../core/records.ts';

export interface ForecastSources {
  logsBetween(
    from: Date,
    until: Date,
    max: number,
  ): Promise<Array<{ conversation: ConversationRecord; events: StoredEvent[] }>>;
  /** Active accounts. */
  agents(): Promise<AgentRecord[]>;
}

export interface ForecastQuery {
  readonly from: Date;
  readonly to: Date;
  readonly target: ServiceTarget;
  /** Conversations one agent holds at once; default: the team's median capacity. */
  readonly concurrency?: number | undefined;
}

export interface ForecastReport {
  readonly from: string;
  readonly to: string;
  /** Conversations read; when it reached the limit, the oldest were read and later ones not. */
  readonly conversationsRead: number;
  readonly truncated: boolean;
  /** Where the concurrency came from: the query, the team's median capacity, or 1 with no team. */
  readonly concurrencyFrom: 'query' | 'team' | 'default';
  readonly forecast: StaffingForecast;
}

export const FORECAST_MAX_CONVERSATIONS = 50_000;
export const FORECAST_DEFAULT_DAYS = 28;
/** A conversation handed over in the range may have started the day before. */
const LOOKBACK_MS = 86_400_000;

export async function staffingForecastReport(
  sources: ForecastSources,
  query: ForecastQuery,
): Promise<ForecastReport> {
  const logs = await sources.logsBetween(
    new Date(query.from.getTime() - LOOKBACK_MS),
    query.to,
    FORECAST_MAX_CONVERSATIONS,
  );
  const demand = weeklyDemand(
    logs.map(({ conversation, events }): ConversationLog => ({
      id: conversation.id,
      channel: conversation.channel,
      language: conversation.language,
      events,
    })),
    query,
  );
  const teamConcurrency = median((await sources.agents()).map((a) => a.maxConcurrent));
  const concurrency = query.concurrency ?? teamConcurrency ?? 1;
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    conversationsRead: logs.length,
    truncated: logs.length >= FORECAST_MAX_CONVERSATIONS,
    concurrencyFrom:
      query.concurrency !== undefined ? 'query' : teamConcurrency !== null ? 'team' : 'default',
    forecast: staffingForecast(demand, { target: query.target, concurrency }),
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
