// The staffing forecast on the analytics tab: the target ("80 % answered within 60 s"), the
// weeks of history to learn from, the chart of agents needed against agents at work with its
// table, and the CSV. Its own request and range, independent of the analytics filters.

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { ForecastChart } from './forecast-chart.tsx';
import {
  downloadForecastCsv,
  fetchForecast,
  type ForecastQuery,
  type ForecastReport,
} from './forecast-api.ts';
import { duration } from './format.ts';
import './staffing-forecast.css';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** The last `weeks` weeks up to the current whole hour. */
function rangeOf(weeks: number, target: number, within: number): ForecastQuery {
  const to = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(to - weeks * WEEK_MS).toISOString(),
    to: new Date(to).toISOString(),
    target,
    within,
  };
}

export function StaffingForecastPanel(props: { token: string; onAuthError: () => void }) {
  const [percentTarget, setPercentTarget] = useState('80');
  const [within, setWithin] = useState('60');
  const [weeks, setWeeks] = useState('4');
  const [query, setQuery] = useState<ForecastQuery>(() => rangeOf(4, 0.8, 60));
  const [report, setReport] = useState<ForecastReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (failure: unknown) => {
    if (failure instanceof ApiRequestError && failure.status === 401) props.onAuthError();
    else setError(failure instanceof Error ? failure.message : 'Could not load the forecast.');
  };

  useEffect(() => {
    let current = true;
    setError(null);
    fetchForecast(props.token, query).then(
      (next) => current && setReport(next),
      (failure: unknown) => current && fail(failure),
    );
    return () => {
      current = false;
    };
  }, [props.token, query]);

  const apply = (event: Event) => {
    event.preventDefault();
    setQuery(rangeOf(Number(weeks), Number(percentTarget) / 100, Number(within)));
  };
  const f = report?.forecast;
  const hasData = f?.hours.some((h) => (h.arrivalsPerHour ?? 0) > 0) ?? false;

  return (
    <section class="staffing-forecast" aria-labelledby="forecast-title" data-panel="forecast">
      <div class="section-head">
        <h2 id="forecast-title">Staffing forecast</h2>
        <div class="downloads">
          <button
            class="button"
            onClick={() => void downloadForecastCsv(props.token, query).catch(fail)}
          >
            Download forecast (CSV)
          </button>
        </div>
      </div>
      <form class="filters" onSubmit={apply} aria-label="Forecast target">
        <label>
          Answered (%)
          <input
            type="number"
            min="1"
            max="99"
            required
            value={percentTarget}
            onInput={(e) => setPercentTarget(e.currentTarget.value)}
          />
        </label>
        <label>
          Within (seconds)
          <input
            type="number"
            min="1"
            max="86400"
            required
            value={within}
            onInput={(e) => setWithin(e.currentTarget.value)}
          />
        </label>
        <label>
          History
          <select value={weeks} onChange={(e) => setWeeks(e.currentTarget.value)}>
            <option value="1">last week</option>
            <option value="2">last 2 weeks</option>
            <option value="4">last 4 weeks</option>
            <option value="8">last 8 weeks</option>
          </select>
        </label>
        <button class="button" type="submit">
          Forecast
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {f === undefined ? (
        <p aria-live="polite">Loading…</p>
      ) : !hasData ? (
        <p class="card empty-state" aria-live="polite" data-empty="forecast">
          No data: no conversation was handed over to a person in this range, so there is nothing to
          forecast from.
        </p>
      ) : (
        <div aria-live="polite">
          <p class="forecast-summary">
            {Math.round(f.target.share * 1000) / 10} % answered within {f.target.withinSeconds} s,
            from {report!.conversationsRead} conversations. Handle time {duration(f.handleSeconds)};{' '}
            {f.model === 'erlang-a'
              ? `customers give up after ${duration(f.patienceSeconds)} on average (Erlang A)`
              : 'nobody gave up, so patience is not measured (Erlang C)'}
            ; {f.concurrency} conversation{f.concurrency === 1 ? '' : 's'} per agent
            {report!.concurrencyFrom === 'team' ? " (the team's median capacity)" : ''}. Agents at
            work are those who acted in the event log that hour (Baton keeps no presence history).
          </p>
          <ForecastChart hours={f.hours} />
        </div>
      )}
    </section>
  );
}
