// Left pane: offers to this agent first, then the agent's own conversations, then everything
// waiting, each sorted by priority and wait. Items update live from the agent stream; wait
// times tick. Each item shows priority, wait, reasons, sentiment, queue, channel, language.

import { useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import {
  SENTIMENT_LABELS,
  channelLabel,
  customerName,
  duration,
  priorityLevel,
  queueLabel,
  reasonLabel,
  waitingSince,
} from './format.ts';
import { useQueueNames } from './queue-names.ts';
import { HistoryPanel } from './history-panel.tsx';
import { useNow } from './use-now.ts';
import { embeddedPacket } from './use-packet.ts';

export interface QueueListProps {
  offered: Conversation[];
  mine: Conversation[];
  waiting: Conversation[];
  selectedId: string | null;
  /** The signed-in agent: a call Baton is ringing them for is marked. */
  agentId: string;
  loadError: string | null;
  onSelect: (id: string) => void;
  token: string;
  onUnauthorized: () => void;
}

export function QueueList(props: QueueListProps) {
  const { offered, mine, waiting, selectedId, loadError, onSelect } = props;
  const now = useNow();
  // The live line, or history and search (kept mounted so the results survive a switch).
  const [tab, setTab] = useState<'inbox' | 'history'>('inbox');
  const [historyOpened, setHistoryOpened] = useState(false);
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
              ringingMe={c.call?.rungAgentId === props.agentId}
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
      <div class="queue-tabs" role="group" aria-label="Show">
        <button
          type="button"
          class="queue-tab"
          aria-pressed={tab === 'inbox'}
          onClick={() => setTab('inbox')}
        >
          Inbox
        </button>
        <button
          type="button"
          class="queue-tab"
          aria-pressed={tab === 'history'}
          onClick={() => {
            setTab('history');
            setHistoryOpened(true);
          }}
        >
          History
        </button>
      </div>
      <div hidden={tab !== 'inbox'}>
        {offered.length > 0 && section('Offered to you', offered, '')}
        {section('Assigned to me', mine, 'Nothing assigned to you.')}
        {section('Waiting', waiting, 'No one is waiting. Nice.')}
      </div>
      {historyOpened && (
        <div hidden={tab !== 'history'}>
          <HistoryPanel
            token={props.token}
            selectedId={selectedId}
            onSelect={onSelect}
            onUnauthorized={props.onUnauthorized}
          />
        </div>
      )}
    </nav>
  );
}

interface QueueItemProps {
  conversation: Conversation;
  now: number;
  selected: boolean;
  /** Baton rang this agent (phone or browser) for this caller, who is still on hold. */
  ringingMe: boolean;
  onSelect: (id: string) => void;
}

function QueueItem({ conversation: c, now, selected, ringingMe, onSelect }: QueueItemProps) {
  const queueNames = useQueueNames();
  const level = priorityLevel(c.priority);
  const reasons = c.handoff?.reasons ?? [];
  const sentiment = embeddedPacket(c)?.sentiment.label;
  return (
    <li>
      <button
        type="button"
        class={`queue-item${selected ? ' is-selected' : ''}${ringingMe ? ' is-ringing' : ''}`}
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
          {ringingMe && (
            <span class="chip chip--ringing" title="Baton rang you for this caller, on hold">
              Ringing you
            </span>
          )}
          <span class={`chip prio prio--${level}`} title={`Priority ${c.priority ?? 0}`}>
            P{c.priority ?? 0}
          </span>
          {reasons.slice(0, 2).map((r) => (
            <span key={r} class="chip chip--reason">
              {reasonLabel(r)}
            </span>
          ))}
          {sentiment && (
            <span class={`chip sentiment sentiment--${sentiment}`} title="Customer sentiment">
              {SENTIMENT_LABELS[sentiment] ?? sentiment}
            </span>
          )}
          <span class="chip" data-field="queue">
            {queueLabel(c.queue, queueNames)}
          </span>
          <span class="chip chip--muted">{channelLabel(c.channel)}</span>
          {c.language && (
            <span class="chip chip--muted" title="Language">
              {c.language.toUpperCase()}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}
