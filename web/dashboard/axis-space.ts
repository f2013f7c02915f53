// How much room a chart's axes need for their tick labels, measured in the axis font, so a
// wait of thousands of minutes or a long queue name is drawn whole rather than cut at the
// canvas edge (issue 15: "full labels"). uPlot asks for the sizes while it lays the chart out.

/** uPlot's own axis font, set on the axes explicitly so that what is measured is what is drawn. */
export const AXIS_FONT =
  '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"';

/** A 12 px line, ascent to descent. */
const LINE = 14;
/** uPlot's tick (10 px) and the gap between tick and label (5 px). */
const TICK_AND_GAP = 15;
/** A little air so anti-aliasing is not cut either. */
const SLACK = 4;
/** The angle tilted labels are drawn at: from their tick down to the right. */
export const TILT_DEGREES = 25;
const TILT = (TILT_DEGREES * Math.PI) / 180;

let measuring: CanvasRenderingContext2D | null = null;

/** The drawn width of a label in the axis font (CSS pixels). */
export function labelWidth(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 7; // no canvas: a generous guess
  measuring.font = AXIS_FONT;
  return measuring.measureText(text).width;
}

const widest = (labels: readonly string[]) => Math.max(0, ...labels.map(labelWidth));

/** The left axis: its widest tick label beside the tick. */
export function leftAxisSize(labels: readonly string[]): number {
  return Math.ceil(widest(labels) + TICK_AND_GAP + SLACK);
}

/** A bottom axis of tilted labels: as deep as the longest goes down. */
export function tiltedAxisSize(labels: readonly string[]): number {
  const depth = widest(labels) * Math.sin(TILT) + (LINE / 2) * Math.cos(TILT);
  return Math.ceil(TICK_AND_GAP + depth + SLACK);
}

/**
 * The room right of the plot that tilted category labels need: label i sits at
 * (i + 0.6) / n of the plot's width (the x range is [-0.6, n - 0.4]) and runs right by its
 * width's cosine, so the padding p must satisfy, for every label,
 * reach(i) <= (n - 0.6 - i) / n * (chartWidth - leftSize - p) + p.
 */
export function tiltedRightPadding(
  labels: readonly string[],
  chartWidth: number,
  leftSize: number,
): number {
  const n = labels.length;
  let padding = 0;
  labels.forEach((label, i) => {
    if (!label) return;
    const reach = labelWidth(label) * Math.cos(TILT) + (LINE / 2) * Math.sin(TILT) + SLACK;
    const share = (n - 0.6 - i) / n;
    padding = Math.max(padding, (reach - share * (chartWidth - leftSize)) / (1 - share));
  });
  return Math.ceil(padding);
}
