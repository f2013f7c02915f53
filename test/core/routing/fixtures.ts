// Small builders for routing tests: agents and waiting conversations with sensible defaults.
import type { AgentSnapshot } from '../../../src/core/routing/agent-snapshot.ts';
import type { WaitingConversation } from '../../../src/core/routing/routing-snapshot.ts';

export const NOW = new Date('2026-03-02T10:00:00Z');

export function agent(id: string, over: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return {
    id,
    name: id,
    skills: ['general'],
    languages: ['en'],
    presence: 'online',
    capacity: 2,
    load: 0,
    ...over,
  };
}

export function waiting(
  id: string,
  over: Partial<WaitingConversation> & { waitedSeconds?: number } = {},
): WaitingConversation {
  const { waitedSeconds = 60, ...rest } = over;
  return {
    id,
    queue: 'general',
    priority: 50,
    language: 'en',
    waitingSince: new Date(NOW.getTime() - waitedSeconds * 1000),
    ...rest,
  };
}
