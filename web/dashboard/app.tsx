// Root of the dashboard. The login is the inbox's: same API call, same session storage, so a
// supervisor signed in to the inbox in this tab is signed in here too. Agents are told the
// page is for supervisors (the API would refuse them anyway).

import { useState } from 'preact/hooks';
import type { Agent } from '../shared/api-types.ts';
import { logout } from '../inbox/api.ts';
import { loadAgentSession, saveAgentSession, type AgentSession } from '../inbox/session.ts';
import { AnalyticsView } from './analytics-view.tsx';
import { LoginView } from '../inbox/login-view.tsx';
import { SupervisorView } from './supervisor-view.tsx';
import { TeamView } from './team-view.tsx';

type Tab = 'analytics' | 'supervisor' | 'team';

const TAB_LABELS: Record<Tab, string> = {
  analytics: 'Analytics',
  supervisor: 'Supervisor',
  team: 'Team',
};
const tabFromHash = (): Tab => {
  const hash = location.hash.slice(1);
  return hash === 'supervisor' || hash === 'team' ? hash : 'analytics';
};
const roleOf = (agent: Agent): string => (agent as Agent & { role?: string }).role ?? 'agent';

export function App() {
  const [session, setSession] = useState<AgentSession | null>(loadAgentSession);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = (reason: string | null) => {
    if (session && !reason) void logout(session.token).catch(() => undefined);
    saveAgentSession(null);
    setSession(null);
    setNotice(reason);
  };
  const onAuthError = () => signOut('Your session has ended. Please sign in again.');

  if (!session) {
    return (
      <LoginView
        title="Sign in to the dashboard"
        notice={notice}
        onLogin={(next) => {
          saveAgentSession(next);
          setNotice(null);
          setSession(next);
        }}
      />
    );
  }
  const role = roleOf(session.agent);
  // Agents see no Team tab at all (the API would refuse them anyway).
  const tabs: Tab[] =
    role === 'agent' ? ['analytics', 'supervisor'] : ['analytics', 'supervisor', 'team'];
  const choose = (next: Tab) => {
    history.replaceState(null, '', `#${next}`);
    setTab(next);
  };
  return (
    <div class="dashboard">
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          Baton dashboard
        </div>
        <div role="tablist" aria-label="Dashboard sections" class="tabs">
          {tabs.map((t) => (
            <button
              key={t}
              role="tab"
              id={`tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`panel-${t}`}
              class={`tab ${tab === t ? 'tab--active' : ''}`}
              onClick={() => choose(t)}
            >
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <div class="who">
          <span>
            {session.agent.name} ({role})
          </span>
          <a href="/inbox/">Inbox</a>
          <button class="button" onClick={() => signOut(null)}>
            Sign out
          </button>
        </div>
      </header>
      {role === 'agent' ? (
        <main class="panel">
          <p role="alert">The dashboard is for supervisors and admins.</p>
        </main>
      ) : (
        <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
          {tab === 'analytics' ? (
            <AnalyticsView token={session.token} onAuthError={onAuthError} />
          ) : tab === 'supervisor' ? (
            <SupervisorView token={session.token} onAuthError={onAuthError} />
          ) : (
            <TeamView
              token={session.token}
              role={role}
              selfId={session.agent.id}
              onAuthError={onAuthError}
            />
          )}
        </main>
      )}
    </div>
  );
}
