// The analytics tab: filters, headline figures, charts (uPlot), the improvement list and CSV
// downloads, and the per-agent report. Everything shown comes from one GET /api/v1/analytics call.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { AgentReportTable } from './agent-report-table.tsx';
import { AnalyticsCharts } from './analytics-charts.tsx';
import {
  type AnalyticsQuery,
  downloadCsv,
  fetchAnalytics,
  type AnalyticsResponse,
} from './dashboard-api.ts';
import { defaultFilters, FiltersForm, toQuery, type FilterValues } from './filters-form.tsx';
import { ImprovementList } from './improvement-list.tsx';
import { MetricTiles } from './metric-tiles.tsx';
import { StaffingForecastPanel } from './staffing-forecast-panel.tsx';

export function AnalyticsView(props: { token: string; onAuthError: () => void }) {
  const [filters, setFilters] = useState<FilterValues>(() => defaultFilters());
  // The answer with the query it answers, so the tiles know whether a queue filter applied.
  const [shown, setShown] = useState<{ data: AnalyticsResponse; query: AnalyticsQuery } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => toQuery(filters), [filters]);

  const fail = (failure: unknown) => {
    if (failure instanceof ApiRequestError && failure.status === 401) props.onAuthError();
    else setError(failure instanceof Error ? failure.message : 'Could not load analytics.');
  };

  useEffect(() => {
    let current = true;
    setError(null);
    fetchAnalytics(props.token, query).then(
      (next) => current && setShown({ data: next, query }),
      (failure: unknown) => current && fail(failure),
    );
    return () => {
      current = false;
    };
  }, [props.token, query]);

  const queueFiltered = shown?.query.queue !== undefined;
  return (
    <section class="analytics" aria-labelledby="analytics-title">
      <div class="section-head">
        <h1 id="analytics-title">Handoff analytics</h1>
        <div class="downloads">
          <button
            class="button"
            onClick={() => void downloadCsv(props.token, query, 'conversations').catch(fail)}
          >
            Download conversations (CSV)
          </button>
          <button
            class="button"
            onClick={() => void downloadCsv(props.token, query, 'improvements').catch(fail)}
          >
            Download improvement items (CSV)
          </button>
          <button
            class="button"
            onClick={() => void downloadCsv(props.token, query, 'agents').catch(fail)}
          >
            Download agents (CSV)
          </button>
        </div>
      </div>
      <FiltersForm
        initial={filters}
        queueNames={shown?.data.queueNames ?? {}}
        onApply={setFilters}
      />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {shown === null ? (
        <p aria-live="polite">Loading…</p>
      ) : (
        <div aria-live="polite" data-range={`${shown.data.from}/${shown.data.to}`}>
          <MetricTiles metrics={shown.data.metrics} queueFiltered={queueFiltered} />
          <AnalyticsCharts data={shown.data} queueFiltered={queueFiltered} />
          <AgentReportTable rows={shown.data.agents} />
          <ImprovementList
            items={shown.data.metrics.improvementItems}
            queueNames={shown.data.queueNames}
          />
        </div>
      )}
      <StaffingForecastPanel token={props.token} onAuthError={props.onAuthError} />
    </section>
  );
}
