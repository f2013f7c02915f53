// The call back's progress in the transcript (docs/web.md#calling-a-customer-back): who asked
// Baton to call the customer, whether Twilio took the call, then each status Twilio reported.
// Other voice events (hold, the agent's ring) are not shown here.

import type { ComponentChildren } from 'preact';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Twilio's call statuses, as the agent reads them. */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  queued: 'queued at Twilio',
  initiated: 'dialling',
  ringing: 'ringing the customer',
  'in-progress': 'the customer answered',
  answered: 'the customer answered',
  completed: 'the call ended',
  busy: 'the line was busy',
  'no-answer': 'no answer',
  failed: 'the call failed',
  canceled: 'the call was cancelled',
};

export function callBackText(data: Record<string, unknown>, by: string): string | null {
  switch (data.action) {
    case 'call_back_requested':
      return `Calling back ${str(data.to)}${by ? ` for ${by}` : ''}…`;
    case 'call_back_placed':
      // Found on a retry, the call took a lease longer to show: the agent learns why, and that
      // the customer is called once (voice-call-back.ts, earlier-call-lookup.ts).
      return `Twilio is placing the call back to ${str(data.to)}${
        data.foundOnRetry === true
          ? " (Twilio's first answer was lost; Baton found the call on a retry: one call, not two)"
          : ''
      }`;
    case 'call_back_failed':
      return `The call back to ${str(data.to)} could not be placed (Twilio answered ${
        typeof data.status === 'number' && data.status > 0 ? data.status : 'nothing'
      })`;
    case 'call_back_status': {
      const status = str(data.callStatus);
      const words = STATUS_WORDS[status] ?? status;
      const seconds = typeof data.duration === 'number' ? ` after ${data.duration} s` : '';
      return `Call back: ${words}${status === 'completed' ? seconds : ''}`;
    }
    default:
      return null;
  }
}

export function CallBackRow(props: {
  data: Record<string, unknown>;
  by: string;
  at: string;
  divider: (children: ComponentChildren, tone?: string) => ComponentChildren;
}) {
  const text = callBackText(props.data, props.by);
  if (text === null) return null;
  const failed =
    props.data.action === 'call_back_failed' ||
    ['busy', 'no-answer', 'failed'].includes(str(props.data.callStatus));
  return <>{props.divider(`${text} · ${props.at}`, failed ? 'error' : undefined)}</>;
}
