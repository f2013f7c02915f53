// The conversation's header: back to the list (phone layout), the customer's name, the channel,
// when it started and who has it, the link to their other conversations, the status and the
// actions that apply now (passed in as children).

import type { ComponentChildren } from 'preact';
import type { Conversation } from '../shared/api-types.ts';
import { STATUS_LABELS, channelLabel, clockTime } from './format.ts';

/** "← Conversations": shows only in the one-pane (phone) layout. */
export function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" class="button button--ghost back-button" onClick={onBack}>
      <span aria-hidden="true">←</span> Conversations
    </button>
  );
}

export interface ConversationHeaderProps {
  conversation: Conversation;
  name: string;
  /** The colleague who has it (by name), when someone other than the viewer does. */
  withAgent: string | null;
  offeredToMe: boolean;
  contactOpen: boolean;
  onContact: () => void;
  onBack: () => void;
  /** The action buttons. */
  children: ComponentChildren;
}

export function ConversationHeader(props: ConversationHeaderProps) {
  const c = props.conversation;
  return (
    <header class="pane-header">
      <BackButton onBack={props.onBack} />
      <div class="pane-title">
        <h2 id="pane-title">{props.name}</h2>
        {/* Items spaced by a gap, not a text "·" that would dangle at a line's end on a phone. */}
        <p class="pane-sub">
          <span>{channelLabel(c.channel)}</span>
          <span>started {clockTime(c.createdAt)}</span>
          {props.withAgent && <span>with {props.withAgent}</span>}
          <button
            type="button"
            class="link"
            aria-expanded={props.contactOpen}
            onClick={props.onContact}
          >
            All conversations
          </button>
        </p>
      </div>
      <div class="pane-actions">
        <span class={`status status--${c.status}`}>
          {props.offeredToMe ? 'Offered to you' : STATUS_LABELS[c.status]}
        </span>
        {props.children}
      </div>
    </header>
  );
}
