// A uPlot chart in a <figure>, with its numbers in a table under "Show data" so that screen
// readers (and anyone who wants the exact figures) get them too. The chart is rebuilt when
// the data changes; uPlot draws tens of thousands of points in a few milliseconds. A chart
// with no data point says "No data" rather than drawing empty axes, and a measure with a scale
// of its own (CSAT 1–5, a rate 0–100 %) is drawn on that scale, not on 0 to the largest value.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import {
  AXIS_FONT,
  leftAxisSize,
  TILT_DEGREES,
  tiltedAxisSize,
  tiltedRightPadding,
} from './axis-space.ts';

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
  /** Why the chart is not drawn at all (it does not apply); null or absent: draw it. */
  notApplicable?: string | null;
  /** The measure's own scale (CSAT [1, 5], a rate [0, 1]); default 0 to the largest value. */
  yRange?: readonly [number, number];
  id: string;
}

/** True when no series has a value to draw (every value null, or nothing at all). */
export function hasNoData(series: readonly ChartSeries[]): boolean {
  return series.every((s) => s.values.every((v) => v === null));
}

const HEIGHT = 220;
/** The left axis's width for short labels; wider ones get what they measure. */
const LEFT_AXIS = 64;
/** uPlot's own right padding beside a plot with no right axis. */
const RIGHT_PADDING = 25;

export function UplotChart(props: UplotChartProps) {
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`} data-chart={props.id}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      {props.notApplicable ? (
        <p class="muted chart-empty" data-not-applicable={props.id}>
          {props.notApplicable}
        </p>
      ) : hasNoData(props.series) ? (
        <p class="muted chart-empty" data-empty={props.id}>
          No data
        </p>
      ) : (
        <ChartBody {...props} />
      )}
    </figure>
  );
}

/** The canvas and the "Show data" table of a chart that has something to draw. */
function ChartBody(props: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const yRange = props.yRange;
    const categories = props.categories;
    let yTicks: string[] = [];
    let xTicks: string[] = [];
    let leftSize = LEFT_AXIS;
    const longest = Math.max(0, ...(categories ?? []).map((c) => c.length));
    // Long labels (reason codes, queue names) are tilted so they do not overlap.
    const tilted = longest > 10;
    const options: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      legend: { show: props.series.length > 1 },
      // Buckets are UTC hours and days: label them in UTC whatever the browser's zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      // Tilted labels run right of their tick: the last ones need room beside the plot.
      ...(categories && tilted
        ? {
            padding: [
              null,
              (u: uPlot) => Math.max(RIGHT_PADDING, tiltedRightPadding(xTicks, u.width, leftSize)),
              null,
              null,
            ] as uPlot.Padding,
          }
        : {}),
      scales: {
        x: props.time ? { time: true } : { time: false, range: [-0.6, props.x.length - 0.4] },
        y: {
          range: (_u, _min, max) =>
            yRange ? [yRange[0], yRange[1]] : [0, max > 0 ? max * 1.1 : 1],
        },
      },
      axes: [
        categories
          ? {
              stroke: '#374151',
              font: AXIS_FONT,
              grid: { show: false },
              splits: () => props.x,
              // 24 hours do not fit side by side: label every third one.
              values: (_u, splits) => {
                xTicks = splits.map((i) =>
                  categories.length > 12 && i % 3 !== 0
                    ? ''
                    : (categories[i] ?? '').replaceAll('_', ' '),
                );
                return xTicks;
              },
              ...(tilted
                ? {
                    rotate: -TILT_DEGREES,
                    size: (_u: uPlot, values: string[] | null) =>
                      values ? tiltedAxisSize(values) : 80,
                  }
                : {}),
            }
          : { stroke: '#374151', font: AXIS_FONT, grid: { stroke: '#e5e7eb' } },
        {
          stroke: '#374151',
          font: AXIS_FONT,
          grid: { stroke: '#e5e7eb' },
          // As wide as the widest tick label (a wait of 12000 min, a count of 187654).
          size: (_u, values) => {
            leftSize = values ? Math.max(LEFT_AXIS, leftAxisSize(values)) : LEFT_AXIS;
            return leftSize;
          },
          values: (_u, splits) => {
            yTicks = splits.map((v) => (props.axisFormat ?? props.format)(v));
            return yTicks;
          },
        },
      ],
      // The y scale and its tick labels, written on the figure: the canvas has no text a test
      // (or a curious developer) could read.
      hooks: {
        draw: [
          (u) => {
            const figure = el.parentElement;
            if (!figure) return;
            figure.dataset['yMin'] = String(u.scales['y']?.min);
            figure.dataset['yMax'] = String(u.scales['y']?.max);
            figure.dataset['yTicks'] = yTicks.join('|');
            figure.dataset['xTicks'] = xTicks.join('|');
            // uPlot turns the labels clockwise by the angle, from their tick down to the right.
            figure.dataset['xRotate'] = categories && tilted ? String(TILT_DEGREES) : '0';
          },
        ],
      },
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
    <>
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
    </>
  );
}
