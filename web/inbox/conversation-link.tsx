// One conversation in a history or contact list: who, status, channel, when, and the last
// words; pressing it opens the conversation in the pane.

import type { Conversation } from '../shared/api-types.ts';
import { STATUS_LABELS, channelLabel, customerName, dayAndTime } from './format.ts';

export interface ConversationLinkProps {
  conversation: Conversation;
  selected: boolean;
  onSelect: (id: string) => void;
}

export function ConversationLink({ conversation: c, selected, onSelect }: ConversationLinkProps) {
  return (
    <li>
      <button
        type="button"
        class={`history-item${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-history-id={c.id}
        onClick={() => onSelect(c.id)}
      >
        <span class="qi-top">
          <span class="qi-name">{customerName(c)}</span>
          <span class="qi-wait">{dayAndTime(c.updatedAt)}</span>
        </span>
        <span class="qi-preview">{c.preview || 'No messages'}</span>
        <span class="chips">
          <span class={`chip status--${c.status}`}>{STATUS_LABELS[c.status]}</span>
          <span class="chip chip--muted">{channelLabel(c.channel)}</span>
        </span>
      </button>
    </li>
  );
}
