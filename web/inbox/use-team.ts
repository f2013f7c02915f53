// The team from GET /agents: names for assignees (the conversation view carries only the
// id), colleagues for transfers, and the agent's own presence and capacity. Refreshed now
// and then and after the agent changes presence; nothing here needs to be to-the-second.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchAgents } from './api.ts';
import type { TeamAgent } from './inbox-types.ts';

const REFRESH_MS = 15_000;

export interface TeamState {
  team: TeamAgent[];
  nameOf: (agentId: string | null | undefined) => string | null;
  refresh: () => void;
  /** Records a newer copy of one agent (from PUT /me/presence). */
  update: (agent: Partial<TeamAgent> & { id: string }) => void;
}

export function useTeam(token: string): TeamState {
  const [team, setTeam] = useState<TeamAgent[]>([]);
  /** The latest read sent: an answer to an earlier one is older news and is dropped. */
  const latestRead = useRef(0);
  const refresh = useCallback(() => {
    const read = ++latestRead.current;
    fetchAgents(token).then(
      (answer) => {
        if (read === latestRead.current) setTeam(answer.agents);
      },
      () => undefined, // names fall back to "another agent"; the next refresh tries again
    );
  }, [token]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const nameOf = useCallback(
    (agentId: string | null | undefined) => team.find((a) => a.id === agentId)?.name ?? null,
    [team],
  );
  const update = useCallback((agent: Partial<TeamAgent> & { id: string }) => {
    setTeam((list) => list.map((a) => (a.id === agent.id ? { ...a, ...agent } : a)));
  }, []);
  return { team, nameOf, refresh, update };
}
