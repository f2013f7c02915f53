// "Calls in this browser": the Device's state as text (never "ready" before the SDK said it
// registered), and the call it rings, with buttons of at least 44 px. Caller names and
// numbers are text nodes, never HTML.

import type { BrowserCalls, CallsState } from './browser-calls.ts';

export interface CallPanelProps {
  state: CallsState;
  actions: BrowserCalls | null;
}

function statusText(state: CallsState): string {
  switch (state.kind) {
    case 'registering':
      return 'Registering…';
    case 'ready':
      return 'Ready: calls ring here';
    case 'unavailable':
      return `Unavailable: ${state.message}`;
    case 'incoming':
      return 'Incoming call';
    case 'on-call':
      return state.muted ? 'On a call (muted)' : 'On a call';
  }
}

export function CallPanel({ state, actions }: CallPanelProps) {
  return (
    <section class={`calls calls--${state.kind}`} aria-label="Calls in this browser">
      <span class="calls-title">Calls in this browser</span>
      <span class="calls-status" role="status" aria-live="polite">
        {statusText(state)}
      </span>
      {state.kind === 'incoming' && (
        <>
          <span class="calls-caller">
            From <strong>{state.caller}</strong>
          </span>
          <button
            type="button"
            class="button button--primary call-button"
            onClick={() => actions?.accept()}
          >
            Accept
          </button>
          <button
            type="button"
            class="button button--secondary call-button"
            onClick={() => actions?.decline()}
          >
            Decline
          </button>
        </>
      )}
      {state.kind === 'on-call' && (
        <>
          <span class="calls-caller">
            With <strong>{state.caller}</strong>
          </span>
          <button
            type="button"
            class="button button--secondary call-button"
            aria-pressed={state.muted}
            onClick={() => actions?.toggleMute()}
          >
            Mute
          </button>
          <button
            type="button"
            class="button button--primary call-button"
            onClick={() => actions?.hangUp()}
          >
            Hang up
          </button>
        </>
      )}
    </section>
  );
}
