// The headline numbers, each with a data-metric name (the API's field) so a test can compare
// what is shown with what the API says.

import type { HandoffMetrics } from './dashboard-api.ts';
import { decimal, duration, percent } from './format.ts';

interface Tile {
  metric: string;
  label: string;
  value: string;
  hint?: string;
  /** Why the figure is not shown (a tooltip on the tile). */
  why?: string;
}

const NOT_APPLICABLE = 'n/a';

/** The handoff rate, or "n/a" under a queue filter: only handed-over conversations have a queue. */
function handoffRateTile(m: HandoffMetrics, queueFiltered: boolean): Tile {
  if (!queueFiltered) {
    return { metric: 'handoffRate', label: 'Handoff rate', value: percent(m.handoffRate) };
  }
  return {
    metric: 'handoffRate',
    label: 'Handoff rate',
    value: NOT_APPLICABLE,
    hint: 'not with a queue filter',
    why: 'Only handed-over conversations have a queue, so within a queue the rate is always 100 %.',
  };
}

function tiles(m: HandoffMetrics, queueFiltered: boolean): Tile[] {
  return [
    { metric: 'conversations', label: 'Conversations', value: String(m.conversations) },
    { metric: 'handoffs', label: 'Handed to a person', value: String(m.handoffs) },
    handoffRateTile(m, queueFiltered),
    {
      metric: 'timeToHumanSeconds.p50',
      label: 'Time to human, median',
      value: duration(m.timeToHumanSeconds.p50),
      hint: 'handoff → first human reply; bot time not counted',
    },
    {
      metric: 'timeToHumanSeconds.p90',
      label: 'Time to human, p90',
      value: duration(m.timeToHumanSeconds.p90),
    },
    { metric: 'waitSeconds.p50', label: 'Wait, median', value: duration(m.waitSeconds.p50) },
    {
      metric: 'abandonmentRate',
      label: 'Abandoned while waiting',
      value: percent(m.abandonmentRate),
    },
    { metric: 'misrouteRate', label: 'Misroutes', value: percent(m.misrouteRate) },
    {
      metric: 'repeatRate',
      label: 'Repeat rate',
      value: percent(m.repeatRate),
      hint: 'agent messages the repeat guard warned on',
    },
    {
      metric: 'resolutionRate',
      label: 'Resolved after handoff',
      value: percent(m.resolutionRate),
    },
    {
      metric: 'recontacts.rate',
      label: 'Came back within 7 days',
      value: percent(m.recontacts.rate),
    },
    { metric: 'slaBreaches', label: 'SLA breaches', value: String(m.slaBreaches) },
    {
      metric: 'handoffQuality',
      label: 'Handoff quality',
      value: decimal(m.handoffQuality),
      hint: 'context 0.3 · wait 0.2 · resolution 0.3 · satisfaction 0.2',
    },
  ];
}

export interface MetricTilesProps {
  metrics: HandoffMetrics;
  /** The figures are of one queue (the queue filter was set when they were fetched). */
  queueFiltered: boolean;
}

export function MetricTiles(props: MetricTilesProps) {
  return (
    <ul class="tiles" aria-label="Key figures">
      {tiles(props.metrics, props.queueFiltered).map((t) => (
        <li key={t.metric} class="tile" data-metric={t.metric} title={t.why}>
          <span class="tile-label">{t.label}</span>
          <span class="tile-value">{t.value}</span>
          {t.hint && <span class="tile-hint">{t.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
