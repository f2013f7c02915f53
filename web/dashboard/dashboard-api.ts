// Typed calls of the supervisor and analytics API (docs/api.md, docs/analytics.md). Relative to
// the page's origin, like the inbox; the bearer token is the inbox's session token.

import { ApiRequestError, requestJson } from '../shared/http.ts';

const base = new URL('/api/v1/', location.origin);
const url = (path: string): string => new URL(path, base).toString();

export interface Distribution {
  count: number;
  p50: number | null;
  p90: number | null;
}

export interface ImprovementItem {
  conversationId: string;
  reasons: string[];
  queue: string | null;
  channel: string;
  resolvedAt: string | null;
  note?: string;
}

export interface HandoffMetrics {
  conversations: number;
  handoffs: number;
  handoffRate: number | null;
  byReason: Record<string, number>;
  byQueue: Record<string, number>;
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  byHour: number[];
  timeToHumanSeconds: Distribution;
  waitSeconds: Distribution;
  abandoned: number;
  abandonmentRate: number | null;
  misroutes: number;
  misrouteRate: number | null;
  reassignments: number;
  overflows: number;
  repeatRate: number | null;
  resolvedAfterHandoff: number;
  resolutionRate: number | null;
  slaBreaches: number;
  recontacts: { resolved: number; withinWindow: number; rate: number | null };
  csat: {
    botOnly: { count: number; average: number | null };
    handedOver: { count: number; average: number | null };
  };
  handoffQuality: number | null;
  improvementItems: ImprovementItem[];
}

export interface RatePoint {
  start: string;
  conversations: number;
  handoffs: number;
  rate: number | null;
}

/** One agent's figures over the selected conversations (docs/analytics.md). */
export interface AgentReportRow {
  agentId: string;
  name: string;
  handled: number;
  resolved: number;
  firstResponseSeconds: Distribution;
  handleSeconds: { count: number; p50: number | null };
  csat: { count: number; average: number | null };
  transfersOut: number;
  declinedOffers: number;
  expiredOffers: number;
}

export interface AnalyticsResponse {
  from: string;
  to: string;
  metrics: HandoffMetrics;
  series: { bucket: 'hour' | 'day'; points: RatePoint[] };
  agents: AgentReportRow[];
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

export interface QueueOverview {
  id: string;
  name: string;
  waiting: number;
  offered: number;
  deferred: number;
  longestWaitSeconds: number | null;
  estimatedWait: { lowMinutes: number; highMinutes: number } | null;
  slaBreachesToday: number;
  agentsOnline: number;
}

export interface AgentOverview {
  id: string;
  name: string;
  role: string;
  presence: string;
  connected: boolean;
  load: number;
  maxConcurrent: number;
  conversations: Array<{
    id: string;
    status: string;
    queue: string | null;
    customerName: string | null;
  }>;
}

export interface SlaAlert {
  conversationId: string;
  queue: string | null;
  status: string;
  priority: number | null;
  customerName: string | null;
  waitedSeconds: number | null;
  breaches: number;
  lastBreachAt: string;
}

export interface SupervisorOverview {
  at: string;
  queues: QueueOverview[];
  agents: AgentOverview[];
  alerts: SlaAlert[];
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
