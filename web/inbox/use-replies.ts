// The agent's replies on their way: shown at once as pending, gone when the stored event
// arrives, kept with the error and a Retry when the server refused them.

import { useState } from 'preact/hooks';
import { actionErrorText } from './action-error-text.ts';
import * as api from './api.ts';
import type { RepeatGuardRecord } from './api.ts';
import type { PendingReply } from './transcript.tsx';
import type { TranscriptState } from './use-transcript.ts';

export interface Replies {
  /** Pending replies whose stored event has not arrived yet. */
  pending: PendingReply[];
  /** Sends a reply; true once it is stored (a failed one stays pending, to retry). */
  send: (reply: PendingReply, guard?: RepeatGuardRecord) => Promise<boolean>;
  discard: (reply: PendingReply) => void;
}

export function useReplies(
  token: string,
  conversationId: string,
  transcript: TranscriptState,
  onRefused: (error: unknown) => void,
): Replies {
  const [pending, setPending] = useState<PendingReply[]>([]);
  const without = (id: string) => (list: PendingReply[]) =>
    list.filter((p) => p.clientMessageId !== id);

  const send = async (reply: PendingReply, guard?: RepeatGuardRecord): Promise<boolean> => {
    const id = reply.clientMessageId;
    setPending((list) => [...without(id)(list), { ...reply, error: null }]);
    try {
      const answer = await api.sendMessage(token, conversationId, reply.text, id, guard);
      transcript.ingest(answer.events);
      setPending(without(id));
      return true;
    } catch (error) {
      onRefused(error);
      const text = actionErrorText(error);
      setPending((list) => list.map((p) => (p.clientMessageId === id ? { ...p, error: text } : p)));
      return false;
    }
  };

  const stored = new Set(
    transcript.events.flatMap((e) =>
      e.type === 'message.created' && e.data.clientMessageId ? [e.data.clientMessageId] : [],
    ),
  );
  return {
    pending: pending.filter((p) => !stored.has(p.clientMessageId)),
    send,
    discard: (reply) => setPending(without(reply.clientMessageId)),
  };
}
