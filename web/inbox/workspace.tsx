// The signed-in inbox: the top bar (top-bar.tsx: presence, connection, alerts, account), the
// queue on the left, the selected conversation on the right. Keyboard shortcuts and the
// announcements of new work live here because they span both panes.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { fetchCannedResponses } from './api.ts';
import { ConversationPane } from './conversation-pane.tsx';
import type { CannedResponse, Presence } from './inbox-types.ts';
import { AccountPanel } from './account-panel.tsx';
import { CallPanel } from './call-panel.tsx';
import { PresenceControl, WAITING_FOR_INBOX } from './presence-control.tsx';
import { QueueList } from './queue-list.tsx';
import type { AgentSession } from './session.ts';
import { ShortcutHelp } from './shortcut-help.tsx';
import { TopBar } from './top-bar.tsx';
import { useAlerts } from './use-alerts.ts';
import { useBrowserCalls } from './use-browser-calls.ts';
import { useInbox } from './use-inbox.ts';
import { useOffers } from './use-offers.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTeam } from './use-team.ts';
import { loadQueueNames } from './queue-names.ts';

export interface WorkspaceProps {
  session: AgentSession;
  /** `reason` is shown on the login screen; null for a deliberate sign-out. */
  onSignOut: (reason: string | null) => void;
}

/** The conversation named in the URL (`/inbox/#c_…`), as the dashboard links it. */
function idInHash(): string | null {
  try {
    return decodeURIComponent(location.hash.slice(1)) || null;
  } catch {
    return null;
  }
}

export function Workspace({ session, onSignOut }: WorkspaceProps) {
  const expired = useCallback(
    () => onSignOut('Your session has ended. Please sign in again.'),
    [onSignOut],
  );
  const inbox = useInbox(session, expired);
  const team = useTeam(session.token);
  const [selectedId, setSelectedId] = useState<string | null>(idInHash);
  const [help, setHelp] = useState(false);
  const [account, setAccount] = useState(false);
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [presence, setPresenceState] = useState<Presence>('online');
  const [released, setReleased] = useState<string | null>(null);
  /** The agent chose Online while the inbox was reconnecting: the server kept them offline. */
  const [waitsForInbox, setWaitsForInbox] = useState(false);

  // An answered call opens exactly the conversation it names (Baton passes it as the call's
  // `conversation` parameter); a call that names none opens nothing rather than a guess.
  // Bumped when the agent changes where calls ring: the browser's calls start or stop.
  const [voiceLineVersion, setVoiceLineVersion] = useState(0);
  const calls = useBrowserCalls(session.token, voiceLineVersion, (conversationId) => {
    if (conversationId) setSelectedId(conversationId);
  });

  const offers = useOffers(session.token, inbox.waiting);
  const offered = useMemo(
    () => inbox.waiting.filter((c) => offers.get(c.id)?.agentId === session.agent.id),
    [inbox.waiting, offers, session.agent.id],
  );
  const othersWaiting = useMemo(
    () => inbox.waiting.filter((c) => !offered.includes(c)),
    [inbox.waiting, offered],
  );
  const alerts = useAlerts(inbox.loaded, othersWaiting, offered);
  const me = team.team.find((a) => a.id === session.agent.id);

  useEffect(() => {
    // Without the names a queue shows its id; every other part of the inbox still works.
    loadQueueNames(session.token).catch(() => undefined);
  }, [session.token]);
  useEffect(() => {
    fetchCannedResponses(session.token).then(
      (answer) => setCanned(answer.cannedResponses),
      () => setCanned([]), // the composer works without them
    );
  }, [session.token]);
  useEffect(() => {
    if (me) setPresenceState(me.presence);
  }, [me?.presence]);
  // The reconnected inbox made them online, as they asked: nothing left to explain.
  useEffect(() => {
    if (presence === 'online') setWaitsForInbox(false);
  }, [presence]);
  // The socket's word is newer than the team list read as the page opened, which can come
  // before the opened inbox made the agent online: take it, and read the list again (an
  // answer to the older read arriving later is then dropped, see use-team.ts).
  useEffect(() => {
    if (!inbox.presence) return;
    team.update({ id: session.agent.id, presence: inbox.presence });
    team.refresh();
  }, [inbox.presence]);

  // A link to another conversation in this tab (the dashboard's, a pasted one) opens it.
  useEffect(() => {
    const follow = () => setSelectedId(idInHash());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // The open conversation is in the URL, so a reload (or a shared link) reopens it.
  useEffect(() => {
    history.replaceState(null, '', selectedId ? `#${selectedId}` : location.pathname);
  }, [selectedId]);

  const order = useMemo(
    () => [...offered, ...inbox.mine, ...othersWaiting].map((c) => c.id),
    [offered, inbox.mine, othersWaiting],
  );
  const shortcuts = useMemo(
    () => ({
      move: (step: 1 | -1) => {
        if (order.length === 0) return;
        const at = selectedId ? order.indexOf(selectedId) : -1;
        const next = at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + step));
        setSelectedId(order[next] ?? null);
        // Keep the keyboard where the agent is: on the selected queue item.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`.queue-item[data-conversation-id="${order[next]}"]`)
            ?.focus(),
        );
      },
      toggleHelp: () => setHelp((open) => !open),
    }),
    [order, selectedId],
  );
  useShortcuts(shortcuts);

  /** Back to the list (the phone's one-pane layout), keeping the keyboard on the item left. */
  const back = useCallback(() => {
    const left = selectedId;
    setSelectedId(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.queue-item[data-conversation-id="${left}"]`)?.focus(),
    );
  }, [selectedId]);

  const selected: Conversation | null = selectedId
    ? (inbox.conversations.get(selectedId) ?? null)
    : null;

  return (
    // On a phone only one pane shows at a time (inbox.css): the list, or the open conversation.
    <div class={`workspace ${selectedId ? 'workspace--conversation' : 'workspace--list'}`}>
      <TopBar
        presence={
          <PresenceControl
            token={session.token}
            presence={presence}
            load={inbox.loaded ? inbox.mine.length : null}
            capacity={me?.capacity ?? null}
            onChange={(agent, count, waits) => {
              setPresenceState(agent.presence);
              setWaitsForInbox(waits);
              team.update(agent);
              setReleased(count > 0 ? `${count} conversation(s) went back to the queue.` : null);
            }}
          />
        }
        connection={inbox.connection}
        alerts={alerts}
        agent={session.agent}
        showDashboard={((session.agent as { role?: string }).role ?? 'agent') !== 'agent'}
        onShortcuts={() => setHelp(true)}
        onAccount={() => setAccount(true)}
        onSignOut={() => onSignOut(null)}
      />
      {calls.state && <CallPanel state={calls.state} actions={calls.actions} />}
      <p class="sr-only" role="status" aria-live="polite" id="announcement">
        {alerts.latest}
      </p>
      {released && (
        <p class="banner" role="status">
          {released}
        </p>
      )}
      {waitsForInbox && (
        <p class="banner" role="status">
          {WAITING_FOR_INBOX}
        </p>
      )}
      <div class="panes">
        <QueueList
          offered={offered}
          mine={inbox.mine}
          waiting={othersWaiting}
          selectedId={selectedId}
          agentId={session.agent.id}
          loadError={inbox.loadError}
          onSelect={setSelectedId}
          token={session.token}
          onUnauthorized={expired}
        />
        {selectedId ? (
          <ConversationPane
            key={selectedId}
            conversationId={selectedId}
            conversation={selected}
            session={session}
            stream={inbox.stream}
            team={team}
            offer={offers.get(selectedId)}
            canned={canned}
            onConversation={inbox.upsert}
            onUnauthorized={expired}
            onBack={back}
            onOpen={setSelectedId}
          />
        ) : (
          <section class="pane pane--empty" aria-label="Conversation">
            <div class="empty">
              <h2>No conversation selected</h2>
              <p>Pick a conversation from the queue. New handoffs appear here as they happen.</p>
              <p class="muted">Press ? for keyboard shortcuts.</p>
            </div>
          </section>
        )}
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {account && (
        <AccountPanel
          token={session.token}
          onClose={() => setAccount(false)}
          onUnauthorized={expired}
          onVoiceLineChanged={() => setVoiceLineVersion((n) => n + 1)}
          callAudio={calls.actions?.audio() ?? null}
        />
      )}
    </div>
  );
}
