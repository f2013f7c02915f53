/**
 * Whether a named agent can take one more conversation now: online, with the inbox open (so
 * someone will see it), and below their maximum. A transfer or reassign to anyone else would
 * leave the customer waiting on a person who is not there, so it is refused with the reason.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

export type IsConnected = (agentId: string) => boolean;

/** The agent, if available; otherwise AGENT_NOT_FOUND or AGENT_UNAVAILABLE saying why. */
export async function requireAvailableAgent(
  store: Store,
  isConnected: IsConnected,
  agentId: string,
): Promise<AgentRecord> {
  const agent = await store.agents.get(agentId);
  if (!agent) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${agentId}.`);
  if (agent.presence !== 'online') {
    throw new BatonError('AGENT_UNAVAILABLE', `${agent.name} is ${agent.presence}.`);
  }
  if (!isConnected(agent.id)) {
    throw new BatonError('AGENT_UNAVAILABLE', `${agent.name} does not have the inbox open.`);
  }
  const load = (await store.reads.loadByAgent()).get(agent.id) ?? 0;
  if (load >= agent.maxConcurrent) {
    throw new BatonError(
      'AGENT_UNAVAILABLE',
      `${agent.name} already has ${load} of ${agent.maxConcurrent} conversations.`,
    );
  }
  return agent;
}
