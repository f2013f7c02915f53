// The agent's read receipts: while a conversation's pane is open on a visible page, the
// customer's messages shown so far are marked read (a `read` frame on the inbox socket),
// once per new customer message, never on every scroll. A receipt already in the transcript
// (this agent's, another tab's, a colleague's) counts as sent.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { BatonEvent } from '../shared/api-types.ts';
import type { AgentStream } from './agent-stream.ts';

export function useReadReport(
  stream: AgentStream | null,
  conversationId: string,
  events: readonly BatonEvent[],
): void {
  const sent = useRef({ conversationId, upToSeq: 0 });
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const changed = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', changed);
    return () => document.removeEventListener('visibilitychange', changed);
  }, []);
  useEffect(() => {
    if (sent.current.conversationId !== conversationId)
      sent.current = { conversationId, upToSeq: 0 };
    let customerSeq = 0;
    for (const e of events) {
      if (e.conversationId !== conversationId) continue;
      if (e.type === 'message.created' && e.data.from === 'customer')
        customerSeq = Math.max(customerSeq, e.seq);
      if (e.type === 'message.read' && e.data.by === 'agent')
        sent.current.upToSeq = Math.max(sent.current.upToSeq, e.data.upToSeq);
    }
    if (!visible || !stream || customerSeq <= sent.current.upToSeq) return;
    if (stream.read(conversationId, customerSeq)) sent.current.upToSeq = customerSeq;
  }, [stream, conversationId, events, visible]);
}
