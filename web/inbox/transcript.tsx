// The full transcript as the agent reads it: customer on the left, bot and agents on the
// right in different colours, system notices and state changes centred. Text is only
// ever rendered as JSX text children, which Preact escapes.

import type { ComponentChildren } from 'preact';
import type { BatonEvent, MessageData } from '../shared/api-types.ts';
import { clockTime, queueLabel, reasonLabel } from './format.ts';
import { useQueueNames } from './queue-names.ts';
import { CallBackRow } from './call-back-row.tsx';
import { MediaAttachment } from './media-attachment.tsx';
import { senderCheckLabel, senderCheckOf } from './sender-check.ts';
import { replyReceipts } from '../../src/core/conversation/reply-receipts.ts';

export interface PendingReply {
  clientMessageId: string;
  text: string;
  error: string | null;
}

export interface TranscriptProps {
  events: BatonEvent[];
  pending: PendingReply[];
  customer: string;
  /** The agent's token, to fetch files the customer sent. */
  token: string;
  onRetry: (reply: PendingReply) => void;
  /** Drops a reply that was not sent (e.g. after sending a template instead). */
  onDiscard: (reply: PendingReply) => void;
}

export function Transcript(props: TranscriptProps) {
  const { events, pending, customer, token, onRetry, onDiscard } = props;
  // The widget's own read receipt, and what a channel's provider said about the replies.
  const receipts = replyReceipts(events);
  const seen = receipts.seen;
  return (
    <ol class="transcript" aria-label="Transcript" aria-live="polite" aria-relevant="additions">
      {events.map((event) => (
        <EventRow
          key={event.seq}
          event={event}
          customer={customer}
          token={token}
          seen={event.seq === seen}
          delivered={event.seq === receipts.delivered}
          notDelivered={receipts.failed.get(event.seq)}
          shownUnderReply={receipts.failed}
        />
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
                </button>{' '}
                <button type="button" class="link" onClick={() => onDiscard(reply)}>
                  Discard
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

/** Events as the inbox reads them: the shared union plus the workflow's other types. */
interface AnyEvent {
  type: string;
  at: string;
  actor: { type: string; name?: string };
  data: Record<string, unknown>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

interface RowProps {
  event: BatonEvent;
  customer: string;
  token: string;
  /** The agents' last message the customer has seen: it says "Seen". */
  seen?: boolean;
  /** The agents' last message the provider delivered, after the seen one: "Delivered". */
  delivered?: boolean;
  /** Why the provider did not deliver this reply of an agent ('' when it gave no reason). */
  notDelivered?: string | undefined;
  /** Failed replies already labelled under themselves, so no divider repeats them. */
  shownUnderReply?: ReadonlyMap<number, string>;
}

function EventRow(props: RowProps) {
  const { event, shownUnderReply } = props;
  const queueNames = useQueueNames();
  const e = event as unknown as AnyEvent;
  const d = e.data;
  const at = clockTime(e.at);
  const by = e.actor.name ?? '';
  switch (e.type) {
    case 'message.created':
      return <MessageRow {...props} />;
    case 'note.created':
      return (
        <li class="turn turn--note">
          <div class="turn-meta">
            <span class="turn-name">{str(d.agentName) || by || 'Agent'}</span>
            <span class="tag tag--note">Internal note</span>
            {/* A supervisor's word to the agent weighs differently from a colleague's. */}
            {(d.authorRole === 'supervisor' || d.authorRole === 'admin') && (
              <span class="tag tag--supervisor">
                From {d.authorRole === 'admin' ? 'an admin' : 'a supervisor'}
              </span>
            )}
            <time dateTime={e.at}>{at}</time>
          </div>
          <div class="bubble">{str(d.text)}</div>
        </li>
      );
    case 'conversation.handed_over':
      return (
        <Divider tone="handoff">
          Handed over to {queueLabel(str(d.queue), queueNames)} ·{' '}
          {(Array.isArray(d.reasons) ? (d.reasons as string[]) : []).map(reasonLabel).join(', ')} ·{' '}
          {at}
        </Divider>
      );
    case 'conversation.offered':
      return (
        <Divider>
          Offered to {str(d.agentName) || 'an agent'} · {at}
        </Divider>
      );
    case 'conversation.offer_declined':
      return (
        <Divider>
          {by || 'The agent'} declined the offer · {at}
        </Divider>
      );
    case 'conversation.offer_expired':
      return <Divider>The offer expired unanswered · {at}</Divider>;
    case 'conversation.assigned':
      // A supervisor's reassign assigns without a claim: say so, not "claimed".
      return (
        <Divider>
          {d.via === 'reassign'
            ? `${str(d.agentName)} was assigned the conversation`
            : `${str(d.agentName)} claimed the conversation`}{' '}
          · {at}
        </Divider>
      );
    case 'conversation.transferred':
      return (
        <Divider tone="handoff">
          {by || 'An agent'} transferred it to{' '}
          {d.toAgentName ? str(d.toAgentName) : queueLabel(str(d.toQueue), queueNames)}
          {d.note ? ` — note: ${str(d.note)}` : ''} · {at}
        </Divider>
      );
    case 'conversation.reassigned':
      return (
        <Divider tone="handoff">
          {str(d.byName) || by || 'A supervisor'} reassigned it to{' '}
          {d.toAgentName ? str(d.toAgentName) : queueLabel(str(d.toQueue), queueNames)}
          {d.reason ? ` — reason: ${str(d.reason)}` : ''} · {at}
        </Divider>
      );
    case 'conversation.requeued':
      return <Divider>Back in the queue · {at}</Divider>;
    case 'conversation.returned_to_bot':
      return (
        <Divider>
          {by || 'The agent'} returned the conversation to the bot · {at}
        </Divider>
      );
    case 'conversation.resolved':
      return (
        <Divider>
          Resolved{by ? ` by ${by}` : ''}
          {d.note ? `: ${str(d.note)}` : ''} · {at}
        </Divider>
      );
    case 'conversation.abandoned':
      return <Divider>The customer left before anyone answered · {at}</Divider>;
    case 'conversation.created':
      return <Divider>Conversation started · {at}</Divider>;
    case 'message.delivery':
      // Only failures need the agent's eye; a sent or delivered reply is the normal case. An
      // agent's reply says so under itself.
      return d.status === 'failed' && !shownUnderReply?.has(Number(d.seq)) ? (
        <Divider tone="error">
          A reply was not delivered{d.error ? `: ${str(d.error)}` : ''} · {at}
        </Divider>
      ) : null;
    case 'channel.voice_call':
      return (
        <CallBackRow
          data={d}
          by={by}
          at={at}
          divider={(children, tone) => <Divider {...(tone ? { tone } : {})}>{children}</Divider>}
        />
      );
    default:
      return null;
  }
}

function Divider({ children, tone }: { children: ComponentChildren; tone?: string }) {
  return <li class={`divider${tone ? ` divider--${tone}` : ''}`}>{children}</li>;
}

function MessageRow({ event, customer, token, seen, delivered, notDelivered }: RowProps) {
  const data = event.data as MessageData;
  const at = event.at;
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
  const media = data.media ?? [];
  const unsupported = data.unsupported;
  const sender =
    data.from === 'customer'
      ? senderCheckOf(event.data as unknown as Record<string, unknown>)
      : undefined;
  return (
    <li class={`turn turn--${data.from}`}>
      <div class="turn-meta">
        <span class="turn-name">{name}</span>
        {data.from === 'bot' && <span class="tag">Automated</span>}
        {sender && (
          <span
            class={`tag sender-check ${sender.verified ? 'sender-check--verified' : 'sender-check--failed'}`}
            title={sender.summary}
          >
            {senderCheckLabel(sender)}
          </span>
        )}
        {unsupported && (
          <span class="tag tag--muted" title="Baton cannot show this kind of message">
            Unsupported: {unsupported}
          </span>
        )}
        {data.from === 'bot' && typeof data.confidence === 'number' && (
          <span class="tag tag--muted" title="Answer confidence">
            {Math.round(data.confidence * 100)}%
          </span>
        )}
        <time dateTime={at}>{clockTime(at)}</time>
      </div>
      {(data.text || action) && (
        <div class={`bubble${action ? ' bubble--action' : ''}`}>
          {action ? (data.text ?? 'Pressed “Talk to a human”') : data.text}
        </div>
      )}
      {media.map((m) => (
        <MediaAttachment
          key={m.ref}
          token={token}
          conversationId={event.conversationId}
          media={m}
        />
      ))}
      {data.article && <div class="turn-source">Article: {data.article.title}</div>}
      {notDelivered !== undefined ? (
        <div class="turn-state turn-not-delivered">
          Not delivered{notDelivered ? `: ${notDelivered}` : ''}
        </div>
      ) : seen ? (
        <div class="turn-state turn-seen">Seen</div>
      ) : delivered ? (
        <div class="turn-state turn-delivered">Delivered</div>
      ) : null}
    </li>
  );
}
