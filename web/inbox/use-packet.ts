// The open conversation's handoff packet. The inbox's conversation copy usually carries it
// (handoff.packet); when it does not, it is fetched once from GET …/packet.

import { useEffect, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { fetchPacket } from './api.ts';
import type { HandoffPacket } from './inbox-types.ts';

export function embeddedPacket(c: Conversation | null): HandoffPacket | null {
  const packet = (c?.handoff as { packet?: unknown } | null | undefined)?.packet;
  return packet && typeof packet === 'object' ? (packet as HandoffPacket) : null;
}

export function usePacket(token: string, c: Conversation | null): HandoffPacket | null {
  const embedded = embeddedPacket(c);
  const [fetched, setFetched] = useState<HandoffPacket | null>(null);
  const id = c?.id;
  const handedOverAt = c?.handoff?.at;
  useEffect(() => {
    setFetched(null);
    if (!id || !handedOverAt || embedded) return;
    let cancelled = false;
    fetchPacket(token, id)
      .then((answer) => {
        if (!cancelled) setFetched(answer.packet);
      })
      .catch(() => undefined); // the card falls back to the conversation's own facts
    return () => {
      cancelled = true;
    };
    // A new handoff (after a return to the bot) has a new packet.
  }, [token, id, handedOverAt, embedded === null]);
  return embedded ?? fetched;
}
