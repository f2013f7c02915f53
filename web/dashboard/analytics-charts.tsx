// The analytics charts: handoff rate over time, handoffs by reason, queue, channel, language
// and hour of day, time to human and wait (p50/p90), and CSAT for bot-only vs handed-over
// conversations side by side.

import { useMemo } from 'preact/hooks';
import type { AnalyticsResponse } from './dashboard-api.ts';
import { decimal, duration, NO_DATA, percent } from './format.ts';
import { UplotChart } from './uplot-chart.tsx';

const ACCENT = '#4338ca';
const SECOND = '#0f766e';

const count = (v: number | null) => (v === null ? NO_DATA : String(Math.round(v * 100) / 100));

function categorical(record: Record<string, number>) {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  return { categories: entries.map(([k]) => k), values: entries.map(([, v]) => v) };
}

export interface AnalyticsChartsProps {
  data: AnalyticsResponse;
  /** The figures are of one queue: the handoff rate is 100 % by definition, so not drawn. */
  queueFiltered: boolean;
}

export function AnalyticsCharts(props: AnalyticsChartsProps) {
  const { metrics: m, series } = props.data;
  const charts = useMemo(() => {
    const reasons = categorical(m.byReason);
    // Queues by their display name (the server's), the one the inbox and the customer use.
    const byId = categorical(m.byQueue);
    const queues = {
      ...byId,
      categories: byId.categories.map((id) => props.data.queueNames[id] ?? id),
    };
    const channels = categorical(m.byChannel);
    const languages = categorical(m.byLanguage);
    const timeX = series.points.map((p) => Date.parse(p.start) / 1000);
    const formatTime = (s: number) => {
      const iso = new Date(s * 1000).toISOString();
      return series.bucket === 'day'
        ? iso.slice(0, 10)
        : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    };
    // Without a handoff the 24 hours are all 0: nothing to draw, so "No data".
    // (uPlot's data arrays are mutable in its types; it does not write to them.)
    const byHour = m.handoffs === 0 ? [] : (m.byHour as number[]);
    return { reasons, queues, channels, languages, timeX, formatTime, byHour };
  }, [props.data]);

  return (
    <div class="charts">
      <UplotChart
        id="rate-over-time"
        title={`Handoff rate per ${series.bucket} (UTC)`}
        x={charts.timeX}
        time
        series={[
          { label: 'Handoff rate', values: series.points.map((p) => p.rate), color: ACCENT },
        ]}
        format={percent}
        axisFormat={(v) => `${Math.round(v * 100)} %`}
        yRange={[0, 1]}
        formatX={charts.formatTime}
        notApplicable={
          props.queueFiltered
            ? 'Not with a queue filter: only handed-over conversations have a queue, so the rate is always 100 %.'
            : null
        }
      />
      <UplotChart
        id="by-reason"
        title="Handoffs by reason"
        x={charts.reasons.categories.map((_, i) => i)}
        categories={charts.reasons.categories}
        bars
        series={[{ label: 'Handoffs', values: charts.reasons.values, color: ACCENT }]}
        format={count}
      />
      <UplotChart
        id="by-hour"
        title="Handoffs by hour of day (UTC)"
        x={charts.byHour.map((_, i) => i)}
        categories={charts.byHour.map((_, i) => String(i).padStart(2, '0'))}
        bars
        series={[{ label: 'Handoffs', values: charts.byHour, color: SECOND }]}
        format={count}
      />
      <UplotChart
        id="by-queue"
        title="Handoffs by queue"
        x={charts.queues.categories.map((_, i) => i)}
        categories={charts.queues.categories}
        bars
        series={[{ label: 'Handoffs', values: charts.queues.values, color: SECOND }]}
        format={count}
      />
      <UplotChart
        id="by-channel"
        title="Handoffs by channel"
        x={charts.channels.categories.map((_, i) => i)}
        categories={charts.channels.categories}
        bars
        series={[{ label: 'Handoffs', values: charts.channels.values, color: ACCENT }]}
        format={count}
      />
      <UplotChart
        id="by-language"
        title="Handoffs by language"
        x={charts.languages.categories.map((_, i) => i)}
        categories={charts.languages.categories}
        bars
        series={[{ label: 'Handoffs', values: charts.languages.values, color: SECOND }]}
        format={count}
      />
      <UplotChart
        id="time-to-human"
        title="Time to human and wait (median and p90)"
        x={[0, 1, 2, 3]}
        categories={['Time to human p50', 'Time to human p90', 'Wait p50', 'Wait p90']}
        bars
        series={[
          {
            label: 'Seconds',
            values: [
              m.timeToHumanSeconds.p50,
              m.timeToHumanSeconds.p90,
              m.waitSeconds.p50,
              m.waitSeconds.p90,
            ],
            color: ACCENT,
          },
        ]}
        format={duration}
        axisFormat={(v) => `${Math.round((v / 60) * 10) / 10} min`}
      />
      <UplotChart
        id="csat"
        title={`CSAT (1–5): bot only (${m.csat.botOnly.count} ratings) and handed over (${m.csat.handedOver.count})`}
        x={[0, 1]}
        categories={['Bot only', 'Handed over']}
        bars
        series={[
          {
            label: 'Average rating',
            values: [m.csat.botOnly.average, m.csat.handedOver.average],
            color: SECOND,
          },
        ]}
        format={(v) => decimal(v, 1)}
        // Ratings are 1 to 5: the axis shows the whole scale, not 0 to the best average.
        yRange={[1, 5]}
      />
    </div>
  );
}
