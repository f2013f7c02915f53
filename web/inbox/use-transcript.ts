// The open conversation's events: fetched over HTTP and streamed through a subscription
// at the same time, merged through one SeqTracker so each event shows exactly once and
// in seq order. Answers of the agent's own actions are fed in through `ingest`.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BatonEvent } from '../shared/api-types.ts';
import { SeqTracker } from '../shared/seq-tracker.ts';
import type { AgentStream } from './agent-stream.ts';
import { fetchEvents } from './api.ts';
import { TYPING_SHOWN_MS } from '../shared/typing.ts';

export interface TranscriptState {
  events: BatonEvent[];
  loading: boolean;
  error: string | null;
  /** The customer is typing right now (shown under the transcript). */
  customerTyping: boolean;
  ingest: (events: readonly BatonEvent[]) => void;
}

export function useTranscript(
  token: string,
  conversationId: string | null,
  stream: AgentStream | null,
): TranscriptState {
  const [events, setEvents] = useState<BatonEvent[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [customerTyping, setCustomerTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const showTyping = useCallback((active: boolean) => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = active
      ? setTimeout(() => setCustomerTyping(false), TYPING_SHOWN_MS)
      : null;
    setCustomerTyping(active);
  }, []);
  const tracker = useRef(new SeqTracker());
  const currentId = useRef(conversationId);

  const ingest = useCallback((incoming: readonly BatonEvent[]) => {
    const fresh = incoming.filter(
      (event) => event.conversationId === currentId.current && tracker.current.accept(event.seq),
    );
    if (fresh.length === 0) return;
    // The customer's message arrived: they are no longer typing it.
    if (fresh.some((e) => e.type === 'message.created' && e.data.from === 'customer'))
      showTyping(false);
    setEvents((current) => [...current, ...fresh].sort((a, b) => a.seq - b.seq));
  }, []);

  useEffect(() => {
    currentId.current = conversationId;
    tracker.current = new SeqTracker();
    setEvents([]);
    setError(null);
    showTyping(false);
    if (!conversationId) return;
    let cancelled = false;
    setLoading(true);
    fetchEvents(token, conversationId, 0)
      .then((answer) => {
        if (!cancelled) ingest(answer.events);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : 'Could not load.');
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    const unsubscribe = stream?.subscribe(conversationId, {
      since: () => tracker.current.lastContiguous,
      onEvent: (event) => ingest([event]),
      onTyping: showTyping,
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [token, conversationId, stream, ingest, showTyping]);

  return { events, loading, error, customerTyping, ingest };
}
