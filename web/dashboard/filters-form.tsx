// Date range and queue / channel / language filters. Dates are whole UTC days, both ends
// included, like the analytics API's `from`/`to` (the end is the next midnight).

import { useState } from 'preact/hooks';
import type { AnalyticsQuery } from './dashboard-api.ts';
import { isoDay } from './format.ts';

const QUEUES = ['billing', 'technical', 'retention', 'sales', 'trust_safety', 'general'];
const CHANNELS = ['web', 'api', 'whatsapp', 'messenger', 'instagram', 'telegram', 'sms', 'email'];
const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'];
const DAY_MS = 86_400_000;

export interface FilterValues {
  fromDay: string;
  toDay: string;
  queue: string;
  channel: string;
  language: string;
}

export function defaultFilters(now = new Date()): FilterValues {
  return {
    fromDay: isoDay(new Date(now.getTime() - 6 * DAY_MS)),
    toDay: isoDay(now),
    queue: '',
    channel: '',
    language: '',
  };
}

export function toQuery(f: FilterValues): AnalyticsQuery {
  const to = new Date(Date.parse(`${f.toDay}T00:00:00Z`) + DAY_MS);
  return {
    from: `${f.fromDay}T00:00:00.000Z`,
    to: to.toISOString(),
    ...(f.queue ? { queue: f.queue } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.language ? { language: f.language } : {}),
  };
}

function Choice(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">All</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FiltersForm(props: { initial: FilterValues; onApply: (f: FilterValues) => void }) {
  const [f, setF] = useState(props.initial);
  const set = (patch: Partial<FilterValues>) => setF({ ...f, ...patch });
  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      <label>
        From
        <input
          type="date"
          required
          value={f.fromDay}
          onInput={(e) => set({ fromDay: e.currentTarget.value })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          required
          value={f.toDay}
          onInput={(e) => set({ toDay: e.currentTarget.value })}
        />
      </label>
      <Choice label="Queue" value={f.queue} options={QUEUES} onChange={(queue) => set({ queue })} />
      <Choice
        label="Channel"
        value={f.channel}
        options={CHANNELS}
        onChange={(channel) => set({ channel })}
      />
      <Choice
        label="Language"
        value={f.language}
        options={LANGUAGES}
        onChange={(language) => set({ language })}
      />
      <button class="button button--primary" type="submit">
        Apply
      </button>
    </form>
  );
}
