// The signed-in inbox: top bar, the queue on the left, the selected conversation on the
// right. Later views (supervisor, analytics) get their own entries in the top bar.

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { ConversationPane } from './conversation-pane.tsx';
import { QueueList } from './queue-list.tsx';
import type { AgentSession } from './session.ts';
import { useInbox } from './use-inbox.ts';

export interface WorkspaceProps {
  session: AgentSession;
  /** `reason` is shown on the login screen; null for a deliberate sign-out. */
  onSignOut: (reason: string | null) => void;
}

const CONNECTION_LABEL = { open: 'Live', connecting: 'Connecting…', closed: 'Reconnecting…' };

export function Workspace({ session, onSignOut }: WorkspaceProps) {
  const expired = useCallback(
    () => onSignOut('Your session has ended. Please sign in again.'),
    [onSignOut],
  );
  const inbox = useInbox(session, expired);
  const [selectedId, setSelectedId] = useState<string | null>(() => location.hash.slice(1) || null);

  // The open conversation is in the URL, so a reload (or a shared link) reopens it.
  useEffect(() => {
    history.replaceState(null, '', selectedId ? `#${selectedId}` : location.pathname);
  }, [selectedId]);

  const selected: Conversation | null = selectedId
    ? (inbox.conversations.get(selectedId) ?? null)
    : null;

  return (
    <div class="workspace">
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          Baton <span class="brand-sub">Inbox</span>
        </div>
        <div class="topbar-right">
          <span class={`connection connection--${inbox.connection}`} role="status">
            <span class="connection-dot" aria-hidden="true" />
            {CONNECTION_LABEL[inbox.connection]}
          </span>
          <span class="agent-name" title={session.agent.email}>
            <span class="avatar" aria-hidden="true">
              {session.agent.name.slice(0, 1).toUpperCase()}
            </span>
            {session.agent.name}
          </span>
          <button class="button button--ghost" type="button" onClick={() => onSignOut(null)}>
            Sign out
          </button>
        </div>
      </header>
      <div class="panes">
        <QueueList
          mine={inbox.mine}
          waiting={inbox.waiting}
          selectedId={selectedId}
          loadError={inbox.loadError}
          onSelect={setSelectedId}
        />
        {selectedId ? (
          <ConversationPane
            key={selectedId}
            conversationId={selectedId}
            conversation={selected}
            session={session}
            stream={inbox.stream}
            onConversation={inbox.upsert}
            onUnauthorized={expired}
          />
        ) : (
          <section class="pane pane--empty" aria-label="Conversation">
            <div class="empty">
              <h2>No conversation selected</h2>
              <p>Pick a conversation from the queue. New handoffs appear here as they happen.</p>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
