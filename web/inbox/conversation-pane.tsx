// Right pane: one conversation with its handoff card, transcript and the actions the
// agent may take now (claim when it waits, reply and resolve when it is theirs).

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { newClientId } from '../shared/client-id.ts';
import { ApiRequestError } from '../shared/http.ts';
import type { AgentStream } from './agent-stream.ts';
import { claim, fetchConversation, resolve, sendMessage } from './api.ts';
import { Composer } from './composer.tsx';
import { STATUS_LABELS, channelLabel, clockTime, customerName } from './format.ts';
import { HandoffCard } from './handoff-card.tsx';
import type { AgentSession } from './session.ts';
import { Transcript } from './transcript.tsx';
import type { PendingReply } from './transcript.tsx';
import { useTranscript } from './use-transcript.ts';

export interface ConversationPaneProps {
  conversationId: string;
  conversation: Conversation | null;
  session: AgentSession;
  stream: AgentStream | null;
  onConversation: (conversation: Conversation) => void;
  onUnauthorized: () => void;
}

function message(error: unknown): string {
  if (error instanceof ApiRequestError && error.code === 'ALREADY_CLAIMED') {
    return 'Another agent claimed this conversation first.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function ConversationPane(props: ConversationPaneProps) {
  const { conversationId, conversation: c, session, stream, onConversation } = props;
  const { token } = session;
  const transcript = useTranscript(token, conversationId, stream);
  const [pending, setPending] = useState<PendingReply[]>([]);
  const [busy, setBusy] = useState<'claim' | 'resolve' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  const fail = (error: unknown): void => {
    if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
    else setActionError(message(error));
  };

  // A conversation opened from a link may not be in the agent's inbox list yet.
  useEffect(() => {
    if (c) return;
    fetchConversation(token, conversationId)
      .then((answer) => onConversation(answer.conversation))
      .catch(fail);
    // Only when the pane opens: later copies arrive through the agent stream.
  }, [conversationId]);

  // Pending replies leave once their stored event has arrived.
  const stored = new Set(
    transcript.events.flatMap((e) =>
      e.type === 'message.created' && e.data.clientMessageId ? [e.data.clientMessageId] : [],
    ),
  );
  const visiblePending = pending.filter((p) => !stored.has(p.clientMessageId));

  useEffect(() => {
    const el = body.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [transcript.events.length, visiblePending.length]);

  const act = async (kind: 'claim' | 'resolve'): Promise<void> => {
    setBusy(kind);
    setActionError(null);
    try {
      const answer = await (kind === 'claim' ? claim : resolve)(token, conversationId);
      onConversation(answer.conversation);
      transcript.ingest(answer.events);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const send = async (reply: PendingReply): Promise<void> => {
    setPending((list) => [
      ...list.filter((p) => p.clientMessageId !== reply.clientMessageId),
      { ...reply, error: null },
    ]);
    try {
      const answer = await sendMessage(token, conversationId, reply.text, reply.clientMessageId);
      transcript.ingest(answer.events);
      setPending((list) => list.filter((p) => p.clientMessageId !== reply.clientMessageId));
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
      const text = message(error);
      setPending((list) =>
        list.map((p) => (p.clientMessageId === reply.clientMessageId ? { ...p, error: text } : p)),
      );
    }
  };

  if (!c) {
    return (
      <section class="pane" aria-label="Conversation">
        <div class="empty">{actionError ?? 'Loading conversation…'}</div>
      </section>
    );
  }

  const mine = c.status === 'assigned' && c.assignee?.id === session.agent.id;
  const claimable = c.status === 'queued' || c.status === 'offered' || c.status === 'deferred';
  const name = customerName(c);

  return (
    <section class="pane" aria-labelledby="pane-title">
      <header class="pane-header">
        <div class="pane-title">
          <h2 id="pane-title">{name}</h2>
          <p class="pane-sub">
            {channelLabel(c.channel)} · started {clockTime(c.createdAt)}
            {c.assignee && !mine ? ` · with ${c.assignee.name ?? 'another agent'}` : ''}
          </p>
        </div>
        <div class="pane-actions">
          <span class={`status status--${c.status}`}>{STATUS_LABELS[c.status]}</span>
          {claimable && (
            <button
              type="button"
              class="button button--primary"
              disabled={busy !== null}
              onClick={() => void act('claim')}
            >
              {busy === 'claim' ? 'Claiming…' : 'Claim'}
            </button>
          )}
          {mine && (
            <button
              type="button"
              class="button button--secondary"
              disabled={busy !== null}
              onClick={() => void act('resolve')}
            >
              {busy === 'resolve' ? 'Resolving…' : 'Resolve'}
            </button>
          )}
        </div>
      </header>
      {actionError && (
        <p class="banner banner--error" role="alert">
          {actionError}
        </p>
      )}
      <div class="pane-body" ref={body}>
        <HandoffCard conversation={c} />
        {transcript.error && <p class="banner banner--error">{transcript.error}</p>}
        {transcript.loading && transcript.events.length === 0 && (
          <p class="muted">Loading transcript…</p>
        )}
        <Transcript
          events={transcript.events}
          pending={visiblePending}
          customer={name}
          onRetry={(reply) => void send(reply)}
        />
      </div>
      {mine ? (
        <Composer
          onSend={(text) => void send({ clientMessageId: newClientId(), text, error: null })}
        />
      ) : (
        <p class="pane-footer">
          {claimable
            ? 'Claim this conversation to reply to the customer.'
            : c.status === 'resolved'
              ? 'This conversation is resolved.'
              : 'Only the assigned agent can reply.'}
        </p>
      )}
    </section>
  );
}
