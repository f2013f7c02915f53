// Typed calls of the supervisor and analytics API (docs/api.md, docs/analytics.md). Relative to
// the page's origin, like the inbox; the bearer token is the inbox's session token.

import type { AgentReportRow } from '../../src/core/metrics/agent-report.ts';
import type { HandoffMetrics } from '../../src/core/metrics/handoff-metrics.ts';
import type { BucketSize, RateBucket } from '../../src/core/metrics/handoff-rate-series.ts';
import type { SupervisorOverview } from '../../src/core/routing/supervisor-overview.ts';
import { ApiRequestError, requestJson } from '../shared/http.ts';

const base = new URL('/api/v1/', location.origin);
const url = (path: string): string => new URL(path, base).toString();

// The figures are computed by the core's pure functions and served as they return them (the
// routes' response schemas say only "an object" there: a full schema would drop any figure
// added to the core and not to it), so their types come from the core, type-only.
export type { AgentReportRow } from '../../src/core/metrics/agent-report.ts';
export type { Distribution, HandoffMetrics } from '../../src/core/metrics/handoff-metrics.ts';
export type {
  AgentOverview,
  QueueOverview,
  SlaAlert,
  SupervisorOverview,
} from '../../src/core/routing/supervisor-overview.ts';
export type ImprovementItem = HandoffMetrics['improvementItems'][number];
export type RatePoint = RateBucket;

export interface AnalyticsResponse {
  from: string;
  to: string;
  metrics: HandoffMetrics;
  series: { bucket: BucketSize; points: readonly RatePoint[] };
  agents: readonly AgentReportRow[];
  /** Each queue id's display name, from the server (the configured queue `name`). */
  queueNames: Readonly<Record<string, string>>;
}

export interface AnalyticsQuery {
  from: string;
  to: string;
  queue?: string;
  channel?: string;
  language?: string;
}

function queryString(query: AnalyticsQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) {
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function fetchAnalytics(token: string, query: AnalyticsQuery): Promise<AnalyticsResponse> {
  return requestJson(url(`analytics?${queryString(query)}`), { token });
}

/**
 * Downloads a CSV export. Fetched with the bearer header (a plain link cannot carry it, and a
 * token in a URL ends up in logs and history), then saved through an object URL.
 */
export function downloadCsv(
  token: string,
  query: AnalyticsQuery,
  kind: 'conversations' | 'improvements' | 'agents',
): Promise<void> {
  return downloadFile(
    token,
    url(`analytics/export.csv?${queryString(query, { kind })}`),
    `baton-${kind}.csv`,
  );
}

/** Saves what an authenticated GET answers, under the server's file name or `fallbackName`. */
export async function downloadFile(
  token: string,
  href: string,
  fallbackName: string,
): Promise<void> {
  const response = await fetch(href, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiRequestError(
      response.status,
      body?.error ?? { code: `HTTP_${response.status}`, message: 'Export failed' },
    );
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name ?? fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
}

export function fetchOverview(token: string): Promise<SupervisorOverview> {
  return requestJson(url('supervisor/overview'), { token });
}

export type ReassignTarget = { queue: string } | { agentId: string };

export function reassign(
  token: string,
  conversationId: string,
  target: ReassignTarget,
  reason: string,
): Promise<unknown> {
  return requestJson(
    url(`supervisor/conversations/${encodeURIComponent(conversationId)}/reassign`),
    { token, body: { ...target, ...(reason.trim() ? { reason: reason.trim() } : {}) } },
  );
}
