// Resolve with the outcome: was the problem solved, could the bot have handled it (feeds
// the bot's improvement list in analytics), and an optional note.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResolveOutcome } from './inbox-types.ts';

export interface ResolveFormProps {
  busy: boolean;
  onSubmit: (outcome: ResolveOutcome) => void;
  onCancel: () => void;
}

export function ResolveForm({ busy, onSubmit, onCancel }: ResolveFormProps) {
  const [resolved, setResolved] = useState(true);
  const [botCould, setBotCould] = useState(false);
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="action-panel"
      aria-label="Resolve"
      onSubmit={(e) => {
        e.preventDefault();
        const text = note.trim();
        onSubmit({ resolved, botCouldHaveHandled: botCould, ...(text ? { note: text } : {}) });
      }}
    >
      <h3>Resolve</h3>
      <fieldset>
        <legend>Was the customer’s problem solved?</legend>
        <label class="inline">
          <input
            ref={first}
            type="radio"
            name="resolved"
            checked={resolved}
            onChange={() => setResolved(true)}
          />
          Yes
        </label>
        <label class="inline">
          <input
            type="radio"
            name="resolved"
            checked={!resolved}
            onChange={() => setResolved(false)}
          />
          No
        </label>
      </fieldset>
      <fieldset>
        <legend>Could the bot have handled it?</legend>
        <label class="inline">
          <input type="radio" name="bot" checked={botCould} onChange={() => setBotCould(true)} />
          Yes
        </label>
        <label class="inline">
          <input type="radio" name="bot" checked={!botCould} onChange={() => setBotCould(false)} />
          No
        </label>
      </fieldset>
      <label>
        Note (optional)
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="panel-buttons">
        <button type="button" class="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Resolving…' : 'Resolve conversation'}
        </button>
      </div>
    </form>
  );
}
