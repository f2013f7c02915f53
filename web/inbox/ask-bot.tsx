// "Ask the bot": the agent searches the knowledge base the bot answers from. Results are
// shown to the agent only; "Insert into reply" copies an answer into the draft, where the
// agent can edit it before anything reaches the customer.

import { useEffect, useRef, useState } from 'preact/hooks';
import { searchKnowledge } from './api.ts';
import type { KnowledgeHit } from './inbox-types.ts';

export interface AskBotProps {
  token: string;
  /** Absent when the agent cannot reply here (not their conversation). */
  onInsert: ((text: string) => void) | null;
}

export function AskBot({ token, onInsert }: AskBotProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<KnowledgeHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const results = useRef<HTMLDivElement>(null);
  // The box sits low in the card's column: bring fresh results into view.
  useEffect(() => {
    if (hits) results.current?.scrollIntoView({ block: 'nearest' });
  }, [hits]);

  const search = async (event: Event): Promise<void> => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      setHits((await searchKnowledge(token, q)).hits);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Search failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ask-bot" aria-labelledby="ask-bot-title">
      <h3 id="ask-bot-title">Ask the bot</h3>
      <form class="ask-form" role="search" onSubmit={(e) => void search(e)}>
        <label class="sr-only" for="ask-bot-query">
          Search the knowledge base
        </label>
        <input
          id="ask-bot-query"
          type="search"
          placeholder="Search articles…"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="submit" class="button button--secondary" disabled={busy || !query.trim()}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      <p class="hint">Only you see these results.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div ref={results}>
        {hits && hits.length === 0 && <p class="muted">No article matches.</p>}
        {hits && hits.length > 0 && (
          <ul class="kb-hits" aria-label="Knowledge base results">
            {hits.map((hit) => (
              <li key={hit.id} class="kb-hit">
                <h4>{hit.title}</h4>
                <p>{hit.body.length > 280 ? `${hit.body.slice(0, 280)}…` : hit.body}</p>
                {onInsert && (
                  <button type="button" class="link" onClick={() => onInsert(hit.body)}>
                    Insert into reply
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
