// The agent's login, kept in sessionStorage: it survives a reload of the tab but not the
// browser closing, and is never shared with other tabs or the widget on the same origin.

import type { Agent } from '../shared/api-types.ts';

const KEY = 'baton:inbox:session';

export interface AgentSession {
  token: string;
  agent: Agent;
}

export function loadAgentSession(): AgentSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const value = raw ? (JSON.parse(raw) as Partial<AgentSession>) : null;
    return value && typeof value.token === 'string' && value.agent
      ? { token: value.token, agent: value.agent }
      : null;
  } catch {
    return null;
  }
}

export function saveAgentSession(session: AgentSession | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the agent just logs in again after a reload.
  }
}
