// The agent's view of all conversations: loaded once from GET /inbox, then kept current
// by `conversation` frames on the agent stream. Every conversation seen stays in the map
// (a resolved one leaves the queue but stays open in the pane); the queue is derived.

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { ApiRequestError } from '../shared/http.ts';
import type { SocketState } from '../shared/reconnecting-socket.ts';
import { AgentStream } from './agent-stream.ts';
import { fetchInbox, fetchMe } from './api.ts';
import { waitingSince } from './format.ts';
import type { Presence } from './inbox-types.ts';
import type { AgentSession } from './session.ts';

const WAITING = new Set<Conversation['status']>(['queued', 'offered', 'deferred']);

export interface InboxState {
  conversations: Map<string, Conversation>;
  waiting: Conversation[];
  mine: Conversation[];
  connection: SocketState;
  /** The presence the server last said routing counts on (null until it says). */
  presence: Presence | null;
  loadError: string | null;
  /** The first GET /inbox answered: alerts start after it, not for what was already there. */
  loaded: boolean;
  stream: AgentStream | null;
  /** Records a newer copy of a conversation (from an action's answer). */
  upsert: (conversation: Conversation) => void;
}

function byPriorityThenWait(a: Conversation, b: Conversation): number {
  const byPriority = (b.priority ?? 0) - (a.priority ?? 0);
  return byPriority || Date.parse(waitingSince(a)) - Date.parse(waitingSince(b));
}

export function useInbox(session: AgentSession, onUnauthorized: () => void): InboxState {
  const [conversations, setConversations] = useState(() => new Map<string, Conversation>());
  /** Conversations the server withdrew from this agent's line (`conversation_removed`). */
  const [gone, setGone] = useState(() => new Set<string>());
  const [connection, setConnection] = useState<SocketState>('connecting');
  const [presence, setPresence] = useState<Presence | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [stream, setStream] = useState<AgentStream | null>(null);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const upsert = useCallback((conversation: Conversation) => {
    setConversations((current) => {
      const known = current.get(conversation.id);
      // Frames and HTTP answers can cross; never let an older copy win.
      if (known && known.lastSeq > conversation.lastSeq) return current;
      return new Map(current).set(conversation.id, conversation);
    });
  }, []);

  /** A copy from the server's own account of the line (stream or list): it is in the line. */
  const inLine = useCallback(
    (conversation: Conversation) => {
      setGone((current) => {
        if (!current.has(conversation.id)) return current;
        const next = new Set(current);
        next.delete(conversation.id);
        return next;
      });
      upsert(conversation);
    },
    [upsert],
  );

  useEffect(() => {
    const { token } = session;
    let cancelled = false;
    const load = async (): Promise<void> => {
      try {
        const { conversations: list } = await fetchInbox(token);
        if (cancelled) return;
        setLoadError(null);
        for (const conversation of list) inLine(conversation);
        setLoaded(true);
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.status === 401) unauthorized.current();
        else setLoadError(error instanceof Error ? error.message : 'Could not load the inbox.');
      }
    };
    const agentStream = new AgentStream(token, {
      onConversation: inLine,
      // Out of the agent's line: off the lists, but an open pane keeps its last copy.
      onConversationRemoved: (id) => setGone((current) => new Set(current).add(id)),
      onPresence: setPresence,
      onState: (state, failures) => {
        setConnection(state);
        // Reload the list after a reconnect: frames sent while offline are not replayed.
        if (state === 'open') void load();
        if (state === 'closed' && failures === 3) {
          fetchMe(token).catch((error: unknown) => {
            if (error instanceof ApiRequestError && error.status === 401) unauthorized.current();
          });
        }
      },
      onSessionEnded: () => unauthorized.current(),
    });
    setStream(agentStream);
    void load();
    return () => {
      cancelled = true;
      agentStream.close();
    };
  }, [session, inLine]);

  const { waiting, mine } = useMemo(() => {
    const all = [...conversations.values()].filter((c) => !gone.has(c.id));
    return {
      waiting: all.filter((c) => WAITING.has(c.status)).sort(byPriorityThenWait),
      mine: all
        .filter((c) => c.status === 'assigned' && c.assignee?.id === session.agent.id)
        .sort(byPriorityThenWait),
    };
  }, [conversations, gone, session.agent.id]);

  return { conversations, waiting, mine, connection, presence, loadError, loaded, stream, upsert };
}
