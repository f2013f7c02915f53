// A supervisor watching a colleague's conversation leaves them a private note: an internal
// note (`POST …/notes`), which the customer's channels never carry, shown in the agent's
// transcript live and marked as a supervisor's. The text stays in the box until it is stored.

import { useState } from 'preact/hooks';

export interface SupervisorNoteProps {
  /** The colleague who has the conversation, by name. */
  agentName: string;
  /** Stores the note; false when it was not stored (the pane shows why). */
  onAdd: (text: string) => Promise<boolean>;
}

export function SupervisorNote({ agentName, onAdd }: SupervisorNoteProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = text.trim();

  const submit = async (): Promise<void> => {
    if (!trimmed || busy) return;
    setBusy(true);
    try {
      if (await onAdd(trimmed)) setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="supervisor-note"
      aria-label={`Private note to ${agentName}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for="supervisor-note-text">
        Private note to {agentName} <span class="muted">(the customer never sees it)</span>
      </label>
      <div class="supervisor-note-row">
        <textarea
          id="supervisor-note-text"
          rows={2}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter adds the note, as in the composer; Shift+Enter is a new line.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <button type="submit" class="button button--primary" disabled={busy || !trimmed}>
          {busy ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
