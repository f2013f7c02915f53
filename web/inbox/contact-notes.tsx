// Staff's private notes about the person, on the contact page of every conversation of theirs
// (POST/PATCH/DELETE …/contact/notes). Never shown to the customer. Newest first, with author
// and time; the author edits or deletes their own, a supervisor or admin any. A note is
// text: Preact puts it in a text node, so markup in it shows as typed.

import { useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { addContactNote, deleteContactNote, editContactNote } from './api.ts';
import type { ContactNoteAnswer } from './api.ts';
import { dayAndTime } from './format.ts';

/** The server's limit (app/conversations/contact-notes.ts), so the box stops there too. */
const MAX_NOTE_LENGTH = 2000;

export interface ContactNotesProps {
  token: string;
  conversationId: string;
  name: string;
  /** The viewer's agent id and role: who may change which note. */
  me: string;
  role: string;
  notes: ContactNoteAnswer[];
  onChange: (notes: ContactNoteAnswer[]) => void;
  onUnauthorized: () => void;
}

export function ContactNotes(props: ContactNotesProps) {
  const { token, conversationId, notes } = props;
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 401) props.onUnauthorized();
      else setError(failure instanceof Error ? failure.message : 'Could not save the note.');
    } finally {
      setBusy(false);
    }
  };
  const add = () =>
    run(async () => {
      const note = await addContactNote(token, conversationId, draft);
      props.onChange([note, ...notes]);
      setDraft('');
    });
  const save = (id: string, text: string) =>
    run(async () => {
      const note = await editContactNote(token, conversationId, id, text);
      props.onChange(notes.map((n) => (n.id === id ? note : n)));
      setEditing(null);
    });
  const remove = (id: string) =>
    run(async () => {
      await deleteContactNote(token, conversationId, id);
      props.onChange(notes.filter((n) => n.id !== id));
    });
  const mayChange = (note: ContactNoteAnswer) =>
    note.authorId === props.me || props.role !== 'agent';

  return (
    <div class="contact-notes">
      <h4>Notes</h4>
      <form
        class="contact-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          Note about {props.name} (staff only, never shown to the customer)
          <textarea
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>
        <div class="panel-buttons">
          <button type="submit" class="button button--primary" disabled={busy || !draft.trim()}>
            Add note
          </button>
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {notes.length === 0 && <p class="muted">No notes yet.</p>}
      <ul class="contact-note-list">
        {notes.map((note) => (
          <li key={note.id} class="contact-note" data-note={note.id}>
            {editing?.id === note.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void save(note.id, editing.text);
                }}
              >
                <label>
                  Edit the note
                  <textarea
                    rows={2}
                    maxLength={MAX_NOTE_LENGTH}
                    value={editing.text}
                    onInput={(e) => setEditing({ id: note.id, text: e.currentTarget.value })}
                  />
                </label>
                <div class="panel-buttons">
                  <button
                    type="button"
                    class="button button--ghost"
                    onClick={() => setEditing(null)}
                  >
                    Cancel
                  </button>
                  <button type="submit" class="button button--primary" disabled={busy}>
                    Save
                  </button>
                </div>
              </form>
            ) : (
              <p class="contact-note-text">{note.text}</p>
            )}
            <p class="muted contact-note-meta">
              {note.authorName ?? 'A former colleague'},{' '}
              <time dateTime={note.createdAt}>{dayAndTime(note.createdAt)}</time>
              {note.updatedAt !== note.createdAt && ' (edited)'}
              {mayChange(note) && editing?.id !== note.id && (
                <>
                  {' '}
                  <button
                    type="button"
                    class="link"
                    disabled={busy}
                    onClick={() => setEditing({ id: note.id, text: note.text })}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    class="link"
                    disabled={busy}
                    onClick={() => void remove(note.id)}
                  >
                    Delete
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
