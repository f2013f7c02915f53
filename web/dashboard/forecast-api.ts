// The staffing forecast's API calls (GET /api/v1/analytics/forecast and forecast.csv), kept
// beside the panel that uses them.

import type { ForecastReport } from '../../src/app/metrics/staffing-forecast-report.ts';
import { requestJson } from '../shared/http.ts';
import { downloadFile } from './dashboard-api.ts';

const url = (path: string): string =>
  new URL(`/api/v1/analytics/${path}`, location.origin).toString();

export type { ForecastHour } from '../../src/core/metrics/forecast/staffing-forecast.ts';

/**
 * What GET …/forecast answers: the report `staffingForecastReport` builds, served whole (the
 * route's schema says only "an object" for the forecast).
 */
export type { ForecastReport } from '../../src/app/metrics/staffing-forecast-report.ts';

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
