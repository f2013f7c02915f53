/**
 * Fans committed changes out to connected sockets: each customer socket follows its own
 * conversation; each agent socket hears about every handed-over conversation and follows
 * the ones it subscribed to. It also knows which agents are connected (presence, for now).
 */
import type { ConversationChange, EventBus } from '../../bus/event-bus.ts';
import type { ConversationRecord, StoredEvent } from '../../store/records.ts';
import type { PresencePort } from '../conversations/ports.ts';

export interface CustomerClient {
  readonly conversationId: string;
  onEvents(events: readonly StoredEvent[]): void;
}

export interface AgentClient {
  readonly agentId: string;
  onConversation(conversation: ConversationRecord): void;
  onEvents(conversationId: string, events: readonly StoredEvent[]): void;
}

export class RealtimeHub implements PresencePort {
  private readonly customers = new Map<string, Set<CustomerClient>>();
  private readonly agents = new Set<AgentClient>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((change) => this.onChange(change));
  }

  addCustomer(client: CustomerClient): () => void {
    let set = this.customers.get(client.conversationId);
    if (!set) this.customers.set(client.conversationId, (set = new Set()));
    set.add(client);
    return () => {
      set.delete(client);
      if (set.size === 0) this.customers.delete(client.conversationId);
    };
  }

  addAgent(client: AgentClient): () => void {
    this.agents.add(client);
    return () => this.agents.delete(client);
  }

  onlineAgentCount(): number {
    return new Set([...this.agents].map((a) => a.agentId)).size;
  }

  close(): void {
    this.unsubscribe();
  }

  private onChange({ conversation, events }: ConversationChange): void {
    for (const client of this.customers.get(conversation.id) ?? []) client.onEvents(events);
    // Agents care about conversations a person is (or was) responsible for, not bot chatter.
    const visibleToAgents = conversation.handedOverAt !== null;
    for (const agent of this.agents) {
      if (visibleToAgents) agent.onConversation(conversation);
      agent.onEvents(conversation.id, events);
    }
  }
}
