// The full transcript as the agent reads it: customer on the left, bot and agents on the
// right in different colours, system notices and state changes centred. Text is only
// ever rendered as JSX text children, which Preact escapes.

import type { ComponentChildren } from 'preact';
import type { BatonEvent, MessageData } from '../shared/api-types.ts';
import { clockTime, queueLabel, reasonLabel } from './format.ts';

export interface PendingReply {
  clientMessageId: string;
  text: string;
  error: string | null;
}

export interface TranscriptProps {
  events: BatonEvent[];
  pending: PendingReply[];
  customer: string;
  onRetry: (reply: PendingReply) => void;
}

export function Transcript({ events, pending, customer, onRetry }: TranscriptProps) {
  return (
    <ol class="transcript" aria-label="Transcript" aria-live="polite" aria-relevant="additions">
      {events.map((event) => (
        <EventRow key={event.seq} event={event} customer={customer} />
      ))}
      {pending.map((reply) => (
        <li
          key={reply.clientMessageId}
          class={`turn turn--agent ${reply.error ? 'is-failed' : 'is-pending'}`}
        >
          <div class="bubble">{reply.text}</div>
          <div class="turn-state">
            {reply.error ? (
              <>
                Not sent: {reply.error}{' '}
                <button type="button" class="link" onClick={() => onRetry(reply)}>
                  Retry
                </button>
              </>
            ) : (
              'Sending…'
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function EventRow({ event, customer }: { event: BatonEvent; customer: string }) {
  switch (event.type) {
    case 'message.created':
      return <MessageRow data={event.data} at={event.at} customer={customer} />;
    case 'conversation.handed_over':
      return (
        <Divider tone="handoff">
          Handed over to {queueLabel(event.data.queue)} ·{' '}
          {event.data.reasons.map(reasonLabel).join(', ')} · {clockTime(event.at)}
        </Divider>
      );
    case 'conversation.assigned':
      return (
        <Divider>
          {event.data.agentName} claimed the conversation · {clockTime(event.at)}
        </Divider>
      );
    case 'conversation.resolved':
      return (
        <Divider>
          Resolved{event.actor.name ? ` by ${event.actor.name}` : ''}
          {event.data.note ? `: ${event.data.note}` : ''} · {clockTime(event.at)}
        </Divider>
      );
    case 'conversation.created':
      return <Divider>Conversation started · {clockTime(event.at)}</Divider>;
  }
}

function Divider({ children, tone }: { children: ComponentChildren; tone?: string }) {
  return <li class={`divider${tone ? ` divider--${tone}` : ''}`}>{children}</li>;
}

function MessageRow({ data, at, customer }: { data: MessageData; at: string; customer: string }) {
  if (data.from === 'system') {
    return (
      <li class="turn turn--system">
        <div class="bubble">{data.text}</div>
      </li>
    );
  }
  const name =
    data.from === 'customer' ? customer : data.from === 'bot' ? 'Bot' : data.agentName || 'Agent';
  const action = data.action === 'request_human';
  return (
    <li class={`turn turn--${data.from}`}>
      <div class="turn-meta">
        <span class="turn-name">{name}</span>
        {data.from === 'bot' && <span class="tag">Automated</span>}
        {data.from === 'bot' && typeof data.confidence === 'number' && (
          <span class="tag tag--muted" title="Answer confidence">
            {Math.round(data.confidence * 100)}%
          </span>
        )}
        <time dateTime={at}>{clockTime(at)}</time>
      </div>
      <div class={`bubble${action ? ' bubble--action' : ''}`}>
        {action ? (data.text ?? 'Pressed “Talk to a human”') : data.text}
      </div>
      {data.article && <div class="turn-source">Article: {data.article.title}</div>}
    </li>
  );
}
