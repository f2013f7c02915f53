// The week as a chart: agents needed per UTC hour (a step line) against the agents seen at work
// (from the event log; Baton keeps no presence history). Hours without data are gaps, never 0.
// The numbers are in the table under "Show data".

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { ForecastHour } from './forecast-api.ts';
import { NO_DATA, percent } from './format.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HEIGHT = 260;
const hourLabel = (h: ForecastHour) => `${DAYS[h.day]} ${String(h.hour).padStart(2, '0')}:00`;
const number = (v: number | null, digits = 1) =>
  v === null ? NO_DATA : String(Math.round(v * 10 ** digits) / 10 ** digits);

export function ForecastChart(props: { hours: readonly ForecastHour[] }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const x = props.hours.map((h) => h.hourOfWeek);
    const options: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [0, 168] },
        y: { range: (_u, _min, max) => [0, max > 0 ? Math.ceil(max * 1.15) : 1] },
      },
      axes: [
        {
          stroke: '#374151',
          grid: { stroke: '#e5e7eb' },
          // One tick a day, at midnight UTC, named by the day.
          splits: () => [0, 24, 48, 72, 96, 120, 144],
          values: (_u, splits) => splits.map((s) => DAYS[Math.floor(s / 24)] ?? ''),
        },
        {
          stroke: '#374151',
          grid: { stroke: '#e5e7eb' },
          size: 48,
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
        },
      ],
      series: [
        { label: 'Hour', value: (_u, v) => (v === null ? '' : hourLabel(props.hours[v]!)) },
        {
          label: 'Agents needed',
          stroke: '#4338ca',
          width: 2,
          fill: '#4338ca22',
          paths: uPlot.paths.stepped!({ align: 1 }),
          value: (_u, v) => number(v, 0),
        },
        {
          label: 'Agents at work',
          stroke: '#0f766e',
          width: 2,
          dash: [6, 4],
          paths: uPlot.paths.stepped!({ align: 1 }),
          value: (_u, v) => number(v),
        },
      ],
    };
    const plot = new uPlot(
      options,
      [x, props.hours.map((h) => h.agentsNeeded), props.hours.map((h) => h.agentsAtWork)],
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.hours]);

  return (
    <figure
      class="card forecast-chart"
      aria-labelledby="forecast-chart-title"
      data-chart="forecast"
    >
      <figcaption id="forecast-chart-title">
        <strong>Agents needed per hour of the week (UTC) and agents at work</strong>
      </figcaption>
      <div ref={host} class="chart-canvas" aria-hidden="true" />
      <details>
        <summary>Show data</summary>
        <table class="data-table forecast-table">
          <thead>
            <tr>
              <th scope="col">Hour (UTC)</th>
              <th scope="col">Handoffs per hour</th>
              <th scope="col">Handle time (min)</th>
              <th scope="col">Agents needed</th>
              <th scope="col">Agents at work</th>
              <th scope="col">Predicted answered in time</th>
              <th scope="col">Predicted gave up</th>
            </tr>
          </thead>
          <tbody>
            {props.hours.map((h) => (
              <tr key={h.hourOfWeek} data-hour={h.hourOfWeek}>
                <th scope="row">{hourLabel(h)}</th>
                <td>{number(h.arrivalsPerHour)}</td>
                <td>{h.handleSeconds === null ? NO_DATA : number(h.handleSeconds / 60)}</td>
                <td data-col="needed">{number(h.agentsNeeded, 0)}</td>
                <td data-col="at-work">{number(h.agentsAtWork)}</td>
                <td>{percent(h.serviceLevel)}</td>
                <td>{percent(h.abandonRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
