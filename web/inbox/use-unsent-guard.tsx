// Resolve, transfer and return to bot never drop the composer's unsent text silently: with
// text there, they ask first (UnsentDialog). "Send and …" sends the text (a reply, or a note
// in note mode) and runs the action only once it is stored.

import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { UnsentDialog } from './unsent-dialog.tsx';
import type { GuardedAction } from './unsent-dialog.tsx';

export interface UnsentGuardOptions {
  draft: string;
  setDraft: (text: string) => void;
  note: boolean;
  input: RefObject<HTMLTextAreaElement>;
  /** Sends the text in the composer's mode; true once stored. */
  sendDraft: (text: string) => Promise<boolean>;
  setBusy: (action: GuardedAction | null) => void;
  onNotSent: (message: string) => void;
}

interface Asking {
  action: GuardedAction;
  run: () => Promise<void>;
}

export function useUnsentGuard(options: UnsentGuardOptions) {
  const { draft, setDraft, note } = options;
  const [asking, setAsking] = useState<Asking | null>(null);
  // After Cancel the agent goes on writing: focus the composer once the dialog has closed
  // (closing a modal dialog hands focus back to whatever opened it).
  const cancelled = useRef(false);
  useEffect(() => {
    if (asking || !cancelled.current) return;
    cancelled.current = false;
    options.input.current?.focus();
  }, [asking]);

  const guarded = (action: GuardedAction, run: () => Promise<void>): void => {
    if (draft.trim()) setAsking({ action, run });
    else void run();
  };

  const sendThen = async ({ action, run }: Asking): Promise<void> => {
    setAsking(null);
    const text = draft.trim();
    setDraft('');
    options.setBusy(action);
    const sent = await options.sendDraft(text);
    options.setBusy(null);
    if (sent) await run();
    else
      options.onNotSent(`The ${note ? 'note' : 'reply'} was not sent, so nothing else was done.`);
  };

  const dialog = asking && (
    <UnsentDialog
      action={asking.action}
      note={note}
      draft={draft.trim()}
      onCancel={() => {
        cancelled.current = true;
        setAsking(null);
      }}
      onDiscard={() => {
        setAsking(null);
        setDraft('');
        void asking.run();
      }}
      onSend={() => void sendThen(asking)}
    />
  );
  return { guarded, dialog };
}
