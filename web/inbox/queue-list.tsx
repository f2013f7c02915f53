// Left pane: the agent's own conversations first, then everything waiting, each sorted by
// priority and wait. Items update live from the agent stream; wait times tick.

import type { Conversation } from '../shared/api-types.ts';
import {
  channelLabel,
  customerName,
  duration,
  priorityLevel,
  queueLabel,
  reasonLabel,
  waitingSince,
} from './format.ts';
import { useNow } from './use-now.ts';

export interface QueueListProps {
  mine: Conversation[];
  waiting: Conversation[];
  selectedId: string | null;
  loadError: string | null;
  onSelect: (id: string) => void;
}

export function QueueList({ mine, waiting, selectedId, loadError, onSelect }: QueueListProps) {
  const now = useNow();
  const section = (title: string, items: Conversation[], empty: string) => (
    <section class="queue-section" aria-label={title}>
      <h2 class="queue-heading">
        {title} <span class="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="queue-empty">{empty}</p>
      ) : (
        <ul class="queue-items">
          {items.map((c) => (
            <QueueItem
              key={c.id}
              conversation={c}
              now={now}
              selected={c.id === selectedId}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <nav class="queue" aria-label="Conversations">
      {loadError && (
        <p class="banner banner--error" role="alert">
          {loadError}
        </p>
      )}
      {section('Assigned to me', mine, 'Nothing assigned to you.')}
      {section('Waiting', waiting, 'No one is waiting. Nice.')}
    </nav>
  );
}

interface QueueItemProps {
  conversation: Conversation;
  now: number;
  selected: boolean;
  onSelect: (id: string) => void;
}

function QueueItem({ conversation: c, now, selected, onSelect }: QueueItemProps) {
  const level = priorityLevel(c.priority);
  const reasons = c.handoff?.reasons ?? [];
  return (
    <li>
      <button
        type="button"
        class={`queue-item${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={c.id}
        onClick={() => onSelect(c.id)}
      >
        <span class="qi-top">
          <span class="qi-name">{customerName(c)}</span>
          <span class="qi-wait" title="Waiting for a person">
            {duration(waitingSince(c), now)}
          </span>
        </span>
        <span class="qi-preview">{c.preview || 'No messages yet'}</span>
        <span class="chips">
          <span class={`chip prio prio--${level}`} title={`Priority ${c.priority ?? 0}`}>
            P{c.priority ?? 0}
          </span>
          {reasons.slice(0, 2).map((r) => (
            <span key={r} class="chip chip--reason">
              {reasonLabel(r)}
            </span>
          ))}
          <span class="chip">{queueLabel(c.queue)}</span>
          <span class="chip chip--muted">{channelLabel(c.channel)}</span>
        </span>
      </button>
    </li>
  );
}
