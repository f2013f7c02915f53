// The staffing forecast's API calls (GET /api/v1/analytics/forecast and forecast.csv), kept
// beside the panel that uses them.

import { requestJson } from '../shared/http.ts';
import { downloadFile } from './dashboard-api.ts';

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

/** Saves the CSV (fetched with the bearer header: it cannot ride on a plain link). */
export function downloadForecastCsv(token: string, query: ForecastQuery): Promise<void> {
  return downloadFile(token, url(`forecast.csv?${params(query).toString()}`), 'baton-forecast.csv');
}
