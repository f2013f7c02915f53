// The transcript's scrolling region (focusable, so keyboard users can scroll it too) and the
// line under it that says when the customer is typing.

import type { RefObject } from 'preact';
import { Transcript } from './transcript.tsx';
import type { Replies } from './use-replies.ts';
import type { TranscriptState } from './use-transcript.ts';

export interface MessagesRegionProps {
  body: RefObject<HTMLDivElement>;
  transcript: TranscriptState;
  replies: Replies;
  /** The customer's name. */
  customer: string;
  token: string;
  /** Whether to say that the customer is typing (never once it is resolved). */
  showTyping: boolean;
}

export function MessagesRegion(props: MessagesRegionProps) {
  const { transcript, replies } = props;
  return (
    <>
      <div class="pane-body" ref={props.body} tabIndex={0} role="region" aria-label="Messages">
        {transcript.error && <p class="banner banner--error">{transcript.error}</p>}
        {transcript.loading && transcript.events.length === 0 && (
          <p class="muted">Loading transcript…</p>
        )}
        <Transcript
          events={transcript.events}
          pending={replies.pending}
          customer={props.customer}
          token={props.token}
          onRetry={(reply) => void replies.send(reply)}
          onDiscard={replies.discard}
        />
      </div>
      <p class="typing-note" aria-live="polite">
        {transcript.customerTyping && props.showTyping ? `${props.customer} is typing…` : ''}
      </p>
    </>
  );
}
