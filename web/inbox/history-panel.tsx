// History and search in the left pane: every conversation the agent may see (the server
// decides: supervisors everything, agents the line and what they took part in), by view
// (all, active, in queue, resolved, mine), text (name, email, phone, words of any message) and
// filters (history-filters.tsx), newest first, a page at a time with "Load more".

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { ApiRequestError } from '../shared/http.ts';
import { searchConversations } from './api.ts';
import type { HistoryQuery, HistoryView } from './api.ts';
import { ConversationLink } from './conversation-link.tsx';
import {
  activityRange,
  HistoryFilters,
  NO_FILTERS,
  type HistoryFilterValues,
} from './history-filters.tsx';

const VIEWS: { value: HistoryView; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'queued', label: 'In queue' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'mine', label: 'Mine' },
];

export interface HistoryPanelProps {
  token: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onUnauthorized: () => void;
}

export function HistoryPanel({ token, selectedId, onSelect, onUnauthorized }: HistoryPanelProps) {
  const [view, setView] = useState<HistoryView>('resolved');
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<HistoryFilterValues>(NO_FILTERS);
  /** The search that was run (the box may have changed since). */
  const [query, setQuery] = useState<HistoryQuery>(() => toQuery('resolved', '', NO_FILTERS));
  const [results, setResults] = useState<Conversation[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Filters change in quick succession: only the latest request's answer is shown, so an
  // earlier one answering last cannot replace it.
  const latest = useRef(0);

  const load = async (more: boolean): Promise<void> => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await searchConversations(token, { ...query, cursor: more ? cursor : null });
      if (request !== latest.current) return;
      setResults((current) => (more ? [...current, ...page.conversations] : page.conversations));
      setCursor(page.nextCursor);
    } catch (failure) {
      if (request !== latest.current) return;
      if (failure instanceof ApiRequestError && failure.status === 401) onUnauthorized();
      else setError(failure instanceof Error ? failure.message : 'The search failed.');
    } finally {
      if (request === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    void load(false);
  }, [query]);

  return (
    <section class="history" aria-label="History">
      <form
        class="history-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(toQuery(view, text, filters));
        }}
      >
        <label class="sr-only" for="history-q">
          Search conversations
        </label>
        <input
          id="history-q"
          type="search"
          placeholder="Name, email, phone or words"
          value={text}
          maxLength={200}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label class="sr-only" for="history-view">
          Show
        </label>
        <select
          id="history-view"
          value={view}
          onChange={(e) => {
            const next = e.currentTarget.value as HistoryView;
            setView(next);
            setQuery(toQuery(next, text, filters));
          }}
        >
          {VIEWS.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary">
          Search
        </button>
        <HistoryFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setQuery(toQuery(view, text, next));
          }}
        />
      </form>
      {error && (
        <p class="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <p class="history-count" role="status">
        {loading && results.length === 0
          ? 'Searching…'
          : results.length === 0
            ? 'No conversations found.'
            : `${results.length}${cursor ? '+' : ''} conversation${results.length === 1 ? '' : 's'}`}
      </p>
      <ul class="history-items">
        {results.map((c) => (
          <ConversationLink
            key={c.id}
            conversation={c}
            selected={c.id === selectedId}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {cursor && (
        <button
          type="button"
          class="button button--ghost history-more"
          disabled={loading}
          onClick={() => void load(true)}
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

function toQuery(view: HistoryView, q: string, f: HistoryFilterValues): HistoryQuery {
  return { view, q, queue: f.queue, channel: f.channel, ...activityRange(f) };
}
