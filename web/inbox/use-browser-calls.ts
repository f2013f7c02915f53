// Calls in this browser for the signed-in agent: one token request after sign-in (and again
// when they change where calls ring); only when it is granted is the Twilio SDK loaded and
// the Device started (browser-calls.ts).

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { fetchVoiceToken } from './api.ts';
import { startBrowserCalls, type BrowserCalls, type CallsState } from './browser-calls.ts';
import { loadTwilioDevice } from './twilio-device.ts';

/** The answers that mean "no calls in this browser for this agent": show nothing. */
const NOT_HERE = new Set(['VOICE_BROWSER_OFF', 'VOICE_AGENT_ON_PHONE']);

export interface UseBrowserCalls {
  /** null: this agent takes no calls in the browser (or the token is still being asked for). */
  state: CallsState | null;
  actions: BrowserCalls | null;
}

export function useBrowserCalls(
  token: string,
  /** Changes when the agent changed where calls ring: ask for the token again. */
  voiceLineVersion: number,
  onAnswered: (conversationId: string | null) => void,
): UseBrowserCalls {
  const [state, setState] = useState<CallsState | null>(null);
  const [actions, setActions] = useState<BrowserCalls | null>(null);
  const answered = useRef(onAnswered);
  answered.current = onAnswered;

  useEffect(() => {
    let calls: BrowserCalls | null = null;
    let cancelled = false;
    fetchVoiceToken(token).then(
      (first) => {
        if (cancelled) return;
        calls = startBrowserCalls({
          first,
          fetchToken: () => fetchVoiceToken(token),
          createDevice: loadTwilioDevice,
          onState: setState,
          onAnswered: (id) => answered.current(id),
        });
        setActions(calls);
      },
      (failure: unknown) => {
        if (cancelled) return;
        if (failure instanceof ApiRequestError && NOT_HERE.has(failure.code)) return;
        setState({
          kind: 'unavailable',
          message: failure instanceof Error ? failure.message : 'Could not get a call token.',
        });
      },
    );
    return () => {
      cancelled = true;
      calls?.stop();
      setState(null);
      setActions(null);
    };
  }, [token, voiceLineVersion]);

  return { state, actions };
}
