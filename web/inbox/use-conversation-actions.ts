// The state behind a conversation's actions: which one is running, which form is open and the
// last error. `act` runs one action and folds its answer into the conversation and the
// transcript at once; notes and WhatsApp templates go through here too.

import { useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { ApiRequestError } from '../shared/http.ts';
import { actionErrorText } from './action-error-text.ts';
import * as api from './api.ts';
import type { Busy, Panel } from './pane-actions.tsx';
import type { TranscriptState } from './use-transcript.ts';

export interface ConversationActionsOptions {
  token: string;
  conversationId: string;
  transcript: TranscriptState;
  onConversation: (conversation: Conversation) => void;
  onUnauthorized: () => void;
}

/** A WhatsApp template to send once the 24-hour window has closed. */
export interface TemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

export function useConversationActions(options: ConversationActionsOptions) {
  const { token, conversationId, transcript } = options;
  const [busy, setBusy] = useState<Busy>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [windowClosed, setWindowClosed] = useState(false);

  /** Shows what went wrong, or signs out when the session has ended. */
  const fail = (error: unknown): void => {
    if (error instanceof ApiRequestError && error.status === 401) options.onUnauthorized();
    else setActionError(actionErrorText(error));
  };

  /** Runs one action; its answer updates the conversation and the transcript at once. */
  const act = async (kind: Busy, run: () => Promise<api.ConversationAndEvents>) => {
    setBusy(kind);
    setActionError(null);
    try {
      const answer = await run();
      options.onConversation(answer.conversation);
      transcript.ingest(answer.events);
      setPanel(null);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  /** Stores an internal note; false (the error shown) when it was not stored. */
  const storeNote = async (text: string): Promise<boolean> => {
    try {
      transcript.ingest((await api.addNote(token, conversationId, text)).events);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const sendTemplate = async (template: TemplateChoice): Promise<void> => {
    setBusy('template');
    try {
      transcript.ingest((await api.sendTemplate(token, conversationId, template)).events);
      setPanel(null);
      setWindowClosed(false);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  /** Asks Baton to call the customer back; its progress arrives as events. */
  const callBack = async (): Promise<void> => {
    setBusy('callback');
    setActionError(null);
    try {
      transcript.ingest((await api.callBack(token, conversationId)).events);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    setBusy,
    panel,
    setPanel,
    /** Opens a form, or closes it when it is the one open. */
    togglePanel: (next: Exclude<Panel, null>) => setPanel(panel === next ? null : next),
    actionError,
    setActionError,
    windowClosed,
    setWindowClosed,
    fail,
    act,
    storeNote,
    sendTemplate,
    callBack,
  };
}
