// Asked before an action that ends the agent's part (resolve, transfer, return to the bot)
// while the composer still holds text: send it first, discard it, or go back. A native modal
// <dialog>: the page behind is inert, focus stays inside, Escape is "Cancel". The draft is
// shown as text (it may contain anything the agent pasted).

import { useEffect, useRef } from 'preact/hooks';

export type GuardedAction = 'resolve' | 'transfer' | 'return';

const VERB: Record<GuardedAction, string> = {
  resolve: 'resolve',
  transfer: 'transfer',
  return: 'return to bot',
};

export interface UnsentDialogProps {
  action: GuardedAction;
  /** The composer is in note mode: "send" adds the note. */
  note: boolean;
  draft: string;
  onSend: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

export function UnsentDialog(props: UnsentDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const verb = VERB[props.action];
  const what = props.note ? 'note' : 'reply';

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="unsent-dialog"
      role="alertdialog"
      aria-labelledby="unsent-title"
      aria-describedby="unsent-text"
      onCancel={(event) => {
        // Escape: the same as the Cancel button, closed by the pane, not by the browser.
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="unsent-title">Unsent {what}</h2>
      <p id="unsent-text">
        The composer still has text you have not sent. Send it before you {verb}, or discard it?
      </p>
      <blockquote class="unsent-draft">{props.draft}</blockquote>
      <div class="panel-buttons">
        <button type="button" class="button button--ghost" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--secondary" onClick={props.onDiscard}>
          Discard and {verb}
        </button>
        <button type="button" class="button button--primary" autoFocus onClick={props.onSend}>
          {props.note ? 'Add note' : 'Send'} and {verb}
        </button>
      </div>
    </dialog>
  );
}
