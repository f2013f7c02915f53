// Root of the inbox: signed out → login; signed in → the workspace. The session lives in
// sessionStorage so a reload keeps the agent signed in.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { collectProviderSession, logout } from './api.ts';
import { LoginView } from './login-view.tsx';
import { loadAgentSession, saveAgentSession } from './session.ts';
import type { AgentSession } from './session.ts';
import { Workspace } from './workspace.tsx';

export function App() {
  const [session, setSession] = useState<AgentSession | null>(loadAgentSession);
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((next: AgentSession) => {
    saveAgentSession(next);
    setNotice(null);
    setSession(next);
  }, []);

  // Back from the identity provider (/inbox/?signin=oidc): collect the session it opened.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (params.get('signin') !== 'oidc') return;
    params.delete('signin');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}`);
    collectProviderSession().then(signIn, (failure: unknown) =>
      setNotice(
        `Signing in through your identity provider did not finish: ${
          failure instanceof Error ? failure.message : 'try again'
        }.`,
      ),
    );
  }, [signIn]);

  const signOut = useCallback((reason: string | null) => {
    setSession((current) => {
      if (current && !reason) void logout(current.token).catch(() => undefined);
      return null;
    });
    saveAgentSession(null);
    setNotice(reason);
  }, []);

  if (!session) return <LoginView notice={notice} onLogin={signIn} />;
  return <Workspace session={session} onSignOut={signOut} />;
}
