// The history's filters, folded under "Filters" so the list keeps the room on a phone: the
// queue (the configured queues by display name), the channel, and a range of days of last
// activity (the time each row shows), in the agent's own time zone. Each change applies at once.

import { useState } from 'preact/hooks';
import { CHANNEL_IDS, channelLabel } from './format.ts';
import { useQueueNames } from './queue-names.ts';

export interface HistoryFilterValues {
  queue: string;
  channel: string;
  /** `YYYY-MM-DD` as the date field gives it, or ''. */
  fromDay: string;
  toDay: string;
}

export const NO_FILTERS: HistoryFilterValues = { queue: '', channel: '', fromDay: '', toDay: '' };

/** The range as instants: the first day's local midnight, and the midnight after the last day. */
export function activityRange(f: HistoryFilterValues): { from: string | null; to: string | null } {
  return {
    from: f.fromDay ? localMidnight(f.fromDay, 0) : null,
    to: f.toDay ? localMidnight(f.toDay, 1) : null,
  };
}

function localMidnight(day: string, plusDays: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + plusDays).toISOString();
}

function activeCount(f: HistoryFilterValues): number {
  return [f.queue, f.channel, f.fromDay, f.toDay].filter((v) => v !== '').length;
}

export interface HistoryFiltersProps {
  value: HistoryFilterValues;
  onChange: (next: HistoryFilterValues) => void;
}

export function HistoryFilters({ value, onChange }: HistoryFiltersProps) {
  const queueNames = useQueueNames();
  const count = activeCount(value);
  // Open or folded as the agent left it: clearing a filter does not fold the others away.
  const [open, setOpen] = useState(count > 0);
  const set = (patch: Partial<HistoryFilterValues>) => onChange({ ...value, ...patch });
  return (
    <details class="history-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{count > 0 ? `Filters (${count})` : 'Filters'}</summary>
      <div class="history-filter-fields">
        <label class="history-filter">
          Queue
          <select value={value.queue} onChange={(e) => set({ queue: e.currentTarget.value })}>
            <option value="">All queues</option>
            {[...queueNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label class="history-filter">
          Channel
          <select value={value.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
            <option value="">All channels</option>
            {CHANNEL_IDS.map((id) => (
              <option key={id} value={id}>
                {channelLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <label class="history-filter">
          Last activity from
          <input
            type="date"
            value={value.fromDay}
            max={value.toDay || undefined}
            onChange={(e) => set({ fromDay: e.currentTarget.value })}
          />
        </label>
        <label class="history-filter">
          Last activity to
          <input
            type="date"
            value={value.toDay}
            min={value.fromDay || undefined}
            onChange={(e) => set({ toDay: e.currentTarget.value })}
          />
        </label>
        {count > 0 && (
          <button
            type="button"
            class="button button--ghost history-clear"
            onClick={() => onChange(NO_FILTERS)}
          >
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}
