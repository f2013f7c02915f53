// The canned-response picker: a searchable list of saved replies (from config, via
// GET /canned-responses); choosing one puts it in the draft with its variables filled.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { CannedResponse } from './inbox-types.ts';

export interface CannedPickerProps {
  responses: CannedResponse[];
  onPick: (response: CannedResponse) => void;
  onClose: () => void;
}

export function CannedPicker({ responses, onPick, onClose }: CannedPickerProps) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  const q = query.trim().toLowerCase();
  const shown = responses.filter(
    (r) => !q || r.title.toLowerCase().includes(q) || r.text.toLowerCase().includes(q),
  );
  return (
    <div class="popover canned" role="dialog" aria-label="Canned responses">
      <label class="sr-only" for="canned-search">
        Search canned responses
      </label>
      <input
        id="canned-search"
        ref={search}
        type="search"
        placeholder="Search canned responses…"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            onPick(shown[0]);
          }
        }}
      />
      {shown.length === 0 ? (
        <p class="muted">No canned response matches.</p>
      ) : (
        <ul class="canned-list">
          {shown.map((r) => (
            <li key={r.title}>
              <button type="button" class="canned-item" onClick={() => onPick(r)}>
                <span class="canned-title">{r.title}</span>
                <span class="canned-text">{r.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
