// A uPlot chart in a <figure>, with its numbers in a table under "Show data" so that screen
// readers (and anyone who wants the exact figures) get them too. The chart is rebuilt when
// the data changes; uPlot draws tens of thousands of points in a few milliseconds.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
}

export interface UplotChartProps {
  /** Caption and accessible name. */
  title: string;
  /** Category labels (bars) or, with `time`, Unix seconds. */
  x: number[];
  categories?: string[];
  time?: boolean;
  bars?: boolean;
  series: ChartSeries[];
  /** How a value is written on the axis and in the table. */
  format: (value: number | null) => string;
  /** How a value is written on the y axis (default: `format`); keep it short. */
  axisFormat?: (value: number) => string;
  /** How an x value is written in the table. */
  formatX?: (value: number) => string;
  id: string;
}

const HEIGHT = 220;

export function UplotChart(props: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const categories = props.categories;
    const longest = Math.max(0, ...(categories ?? []).map((c) => c.length));
    const options: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      legend: { show: props.series.length > 1 },
      // Buckets are UTC hours and days: label them in UTC whatever the browser's zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: props.time ? { time: true } : { time: false, range: [-0.6, props.x.length - 0.4] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        categories
          ? {
              stroke: '#374151',
              grid: { show: false },
              splits: () => props.x,
              // 24 hours do not fit side by side: label every third one.
              values: (_u, splits) =>
                splits.map((i) =>
                  categories.length > 12 && i % 3 !== 0
                    ? ''
                    : (categories[i] ?? '').replaceAll('_', ' '),
                ),
              // Long labels (reason codes) are tilted so they do not overlap.
              ...(longest > 10 ? { rotate: -25, size: 80 } : {}),
            }
          : { stroke: '#374151', grid: { stroke: '#e5e7eb' } },
        {
          stroke: '#374151',
          grid: { stroke: '#e5e7eb' },
          size: 64,
          values: (_u, splits) => splits.map((v) => (props.axisFormat ?? props.format)(v)),
        },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          fill: props.bars ? s.color : `${s.color}22`,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => props.format(v),
          ...(props.bars
            ? { paths: uPlot.paths.bars!({ size: [0.6, 48] }), points: { show: false } }
            : {}),
        })),
      ],
    };
    const plot = new uPlot(options, [props.x, ...props.series.map((s) => s.values)], el);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props]);

  const xLabel = (value: number, i: number) =>
    props.categories ? (props.categories[i] ?? '') : (props.formatX?.(value) ?? String(value));
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`} data-chart={props.id}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <div ref={host} class="chart-canvas" aria-hidden="true" />
      <details>
        <summary>Show data</summary>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{props.categories ? 'Category' : 'Time'}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.x.map((value, i) => (
              <tr key={value}>
                <th scope="row">{xLabel(value, i)}</th>
                {props.series.map((s) => (
                  <td key={s.label}>{props.format(s.values[i] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
