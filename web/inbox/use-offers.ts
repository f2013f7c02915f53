// Who each offered conversation is offered to. The conversation view does not say, so the
// last `conversation.offered` event of each offered conversation is read from its events,
// once per change of that conversation.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { fetchEvents } from './api.ts';

/** How far back the offer is looked for first; the whole log only when it is not there. */
const RECENT = 20;

export interface Offer {
  agentId: string;
  expiresAt: string | null;
}

export function useOffers(token: string, conversations: Conversation[]): Map<string, Offer> {
  const [offers, setOffers] = useState(() => new Map<string, Offer>());
  const seen = useRef(new Map<string, number>());
  const offered = conversations.filter((c) => c.status === 'offered');
  const key = offered.map((c) => `${c.id}:${c.lastSeq}`).join(',');

  useEffect(() => {
    const ids = new Set(offered.map((c) => c.id));
    setOffers((current) => {
      const next = new Map([...current].filter(([id]) => ids.has(id)));
      return next.size === current.size ? current : next;
    });
    for (const c of offered) {
      if (seen.current.get(c.id) === c.lastSeq) continue;
      const seq = c.lastSeq;
      seen.current.set(c.id, seq);
      lastOffer(token, c.id, seq)
        .then((data) => {
          if (seen.current.get(c.id) !== seq) return; // a newer read is on its way
          if (!data?.agentId) return;
          const offer = { agentId: data.agentId, expiresAt: data.expiresAt ?? null };
          setOffers((current) => new Map(current).set(c.id, offer));
        })
        .catch(() => {
          seen.current.delete(c.id); // try again on the next change
        });
    }
  }, [token, key]);

  return offers;
}

type OfferData = { agentId?: string; expiresAt?: string } | undefined;

/** The data of the conversation's latest `conversation.offered` event. */
async function lastOffer(token: string, id: string, lastSeq: number): Promise<OfferData> {
  const find = async (since: number): Promise<OfferData> => {
    const { events } = await fetchEvents(token, id, since);
    const offered = events.filter((e) => (e.type as string) === 'conversation.offered').at(-1);
    return offered?.data as OfferData;
  };
  const since = Math.max(0, lastSeq - RECENT);
  return (await find(since)) ?? (since > 0 ? find(0) : undefined);
}
