// Reply box for a conversation assigned to this agent. Enter or Ctrl+Enter sends,
// Shift+Enter adds a line. Two modes: a reply to the customer, or an internal note only
// agents see. Before a reply goes out the repeat guard asks the server whether it asks for
// something already known; the agent then inserts the known value or sends anyway, and
// the choice is recorded on the message.

import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../shared/api-types.ts';
import type { RepeatGuardRecord } from './api.ts';
import { CannedPicker } from './canned-picker.tsx';
import { fillVariables, unfilledVariables } from './fill-variables.ts';
import type { VariableSource } from './fill-variables.ts';
import { fieldLabel } from './format.ts';
import type { CannedResponse, RepeatWarning } from './inbox-types.ts';

const format = new Intl.NumberFormat('en');

export type ComposerMode = 'reply' | 'note';

export interface ComposerProps {
  draft: string;
  setDraft: (text: string) => void;
  input: RefObject<HTMLTextAreaElement>;
  mode: ComposerMode;
  setMode: (mode: ComposerMode) => void;
  onReply: (text: string, guard?: RepeatGuardRecord) => void;
  onNote: (text: string) => void;
  checkRepeat: (text: string) => Promise<RepeatWarning[]>;
  canned: CannedResponse[];
  variables: VariableSource;
}

export function Composer(props: ComposerProps) {
  const { draft, setDraft, input, mode } = props;
  const [warnings, setWarnings] = useState<RepeatWarning[] | null>(null);
  // Fields the agent was warned about and answered by inserting the value: recorded as heeded.
  const [heeded, setHeeded] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [cannedOpen, setCannedOpen] = useState(false);
  const tooLong = draft.length > MAX_MESSAGE_LENGTH;
  // A canned response whose variable nothing could fill (an anonymous visitor's name): the
  // agent replaces it first, so the customer never reads "Hi {{customer.name}}".
  const unfilled = mode === 'note' ? [] : unfilledVariables(draft);
  const nearLimit = draft.length > MAX_MESSAGE_LENGTH * 0.9;
  const note = mode === 'note';

  useEffect(() => setWarnings(null), [draft, mode]);

  const finish = (): void => {
    setDraft('');
    setWarnings(null);
    setHeeded([]);
    input.current?.focus();
  };

  const submit = async (): Promise<void> => {
    const text = draft.trim();
    if (!text || tooLong || checking) return;
    if (unfilled.length > 0) return;
    if (note) {
      props.onNote(text);
      finish();
      return;
    }
    setChecking(true);
    const found = await props.checkRepeat(text).catch(() => [] as RepeatWarning[]);
    setChecking(false);
    if (found.length > 0) {
      setWarnings(found);
      return;
    }
    props.onReply(text, heeded.length ? { fields: heeded, overridden: false } : undefined);
    finish();
  };

  const insertKnown = (warning: RepeatWarning): void => {
    const el = input.current;
    const at = el ? el.selectionEnd : draft.length;
    const before = draft.slice(0, at);
    const spacer = before && !/\s$/.test(before) ? ' ' : '';
    setDraft(`${before}${spacer}${warning.known}${draft.slice(at)}`);
    setHeeded((list) => [...new Set([...list, warning.field])]);
    el?.focus();
  };

  const sendAnyway = (): void => {
    const fields = [...new Set([...heeded, ...(warnings ?? []).map((w) => w.field)])];
    props.onReply(draft.trim(), { fields, overridden: true });
    finish();
  };

  return (
    <form
      class={`composer${note ? ' composer--note' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div class="composer-tools">
        <div class="mode-toggle" role="group" aria-label="Composer mode">
          <button
            type="button"
            aria-pressed={!note}
            class={!note ? 'is-on' : ''}
            onClick={() => props.setMode('reply')}
          >
            Reply
          </button>
          <button
            type="button"
            aria-pressed={note}
            class={note ? 'is-on' : ''}
            aria-keyshortcuts="n"
            data-shortcut="n"
            onClick={() => props.setMode(note ? 'reply' : 'note')}
          >
            Internal note
          </button>
        </div>
        <button
          type="button"
          class="button button--ghost"
          aria-expanded={cannedOpen}
          onClick={() => setCannedOpen(!cannedOpen)}
        >
          Canned responses
        </button>
      </div>
      {cannedOpen && (
        <CannedPicker
          responses={props.canned}
          onClose={() => setCannedOpen(false)}
          onPick={(response) => {
            setDraft(fillVariables(response.text, props.variables));
            setCannedOpen(false);
            input.current?.focus();
          }}
        />
      )}
      {warnings && (
        <div class="repeat-guard" role="alert">
          {warnings.map((w) => (
            <p key={w.field}>
              You already know the {fieldLabel(w.field)}: <strong>{w.known}</strong>
              <button type="button" class="link" onClick={() => insertKnown(w)}>
                Insert it
              </button>
            </p>
          ))}
          <p class="repeat-guard-actions">
            <button type="button" class="button button--secondary" onClick={sendAnyway}>
              Send anyway
            </button>
          </p>
        </div>
      )}
      <label class="sr-only" for="reply">
        {note ? 'Internal note (only agents see it)' : 'Reply to the customer'}
      </label>
      <textarea
        id="reply"
        ref={input}
        rows={3}
        placeholder={
          note
            ? 'Internal note — only agents see it'
            : 'Write a reply…  (Enter to send, Shift+Enter for a new line)'
        }
        value={draft}
        aria-invalid={tooLong}
        aria-describedby="reply-hint"
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void submit();
          }
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <div class="composer-bar">
        <span
          id="reply-hint"
          class={`hint${tooLong || unfilled.length > 0 ? ' hint--error' : ''}`}
          role="status"
        >
          {tooLong
            ? `Too long: ${format.format(draft.length)} of ${format.format(MAX_MESSAGE_LENGTH)} characters`
            : unfilled.length > 0
              ? `Replace ${unfilled.join(', ')} before sending`
              : nearLimit
                ? `${format.format(MAX_MESSAGE_LENGTH - draft.length)} characters left`
                : note
                  ? 'Only agents see notes; the customer never does.'
                  : ''}
        </span>
        <button
          class="button button--primary"
          type="submit"
          disabled={!draft.trim() || tooLong || checking || unfilled.length > 0}
        >
          {note ? 'Add note' : checking ? 'Checking…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
