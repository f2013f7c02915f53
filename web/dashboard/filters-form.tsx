// Date range and queue / channel / language filters. Dates are whole UTC days, both ends
// included, like the analytics API's `from`/`to` (the end is the next midnight). The queues
// are the server's (the answer's `queueNames`: the queues in force, by display name), so a
// configured queue is offered under its name; the value sent is its id.

import { useState } from 'preact/hooks';
import type { AnalyticsQuery } from './dashboard-api.ts';
import { isoDay } from './format.ts';

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

interface Option {
  value: string;
  label: string;
}

const asOptions = (values: readonly string[]): Option[] =>
  values.map((value) => ({ value, label: value }));

function Choice(props: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (v: string) => void;
}) {
  // A chosen value the list lacks (names not loaded yet) stays chosen, shown by its value.
  const options =
    props.value && !props.options.some((o) => o.value === props.value)
      ? [...props.options, { value: props.value, label: props.value }]
      : props.options;
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface FiltersFormProps {
  initial: FilterValues;
  /** Display names by queue id, from the last analytics answer (empty before it). */
  queueNames: Readonly<Record<string, string>>;
  onApply: (f: FilterValues) => void;
}

export function FiltersForm(props: FiltersFormProps) {
  const queues = Object.entries(props.queueNames).map(([value, label]) => ({ value, label }));
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
      <Choice label="Queue" value={f.queue} options={queues} onChange={(queue) => set({ queue })} />
      <Choice
        label="Channel"
        value={f.channel}
        options={asOptions(CHANNELS)}
        onChange={(channel) => set({ channel })}
      />
      <Choice
        label="Language"
        value={f.language}
        options={asOptions(LANGUAGES)}
        onChange={(language) => set({ language })}
      />
      <button class="button button--primary" type="submit">
        Apply
      </button>
    </form>
  );
}
