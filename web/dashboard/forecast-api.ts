// The staffing forecast's API calls (GET /api/v1/analytics/forecast and forecast.csv), kept
// beside the panel that uses them.

import { ApiRequestError, requestJson } from '../shared/http.ts';

const url = (path: string): string =>
  new URL(`/api/v1/analytics/${path}`, location.origin).toString();

export interface ForecastHour {
  hourOfWeek: number;
  day: number;
  hour: number;
  arrivalsPerHour: number | null;
  handleSeconds: number | null;
  offeredLoad: number | null;
  agentsNeeded: number | null;
  agentsAtWork: number | null;
  serviceLevel: number | null;
  abandonRate: number | null;
}

export interface ForecastReport {
  from: string;
  to: string;
  conversationsRead: number;
  truncated: boolean;
  concurrencyFrom: 'query' | 'team' | 'default';
  forecast: {
    target: { share: number; withinSeconds: number };
    concurrency: number;
    model: 'erlang-a' | 'erlang-c';
    patienceSeconds: number | null;
    handleSeconds: number | null;
    hours: ForecastHour[];
  };
}

export interface ForecastQuery {
  from: string;
  to: string;
  target: number;
  within: number;
}

const params = (q: ForecastQuery) =>
  new URLSearchParams({
    from: q.from,
    to: q.to,
    target: String(q.target),
    within: String(q.within),
  });

export function fetchForecast(token: string, query: ForecastQuery): Promise<ForecastReport> {
  return requestJson(url(`forecast?${params(query).toString()}`), { token });
}

/** Saves the CSV through an object URL (the bearer header cannot ride on a plain link). */
export async function downloadForecastCsv(token: string, query: ForecastQuery): Promise<void> {
  const response = await fetch(url(`forecast.csv?${params(query).toString()}`), {
    headers: { authorization: `Bearer ${token}` },
  });
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
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name ?? 'baton-forecast.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
