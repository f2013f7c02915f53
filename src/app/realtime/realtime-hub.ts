/**
 * Fans committed changes out to connected sockets: each customer socket follows its own
 * conversation; each agent socket hears about every handed-over conversation and follows
 * the ones it subscribed to. It also knows which agents and customers are connected, here
 * and (through the bus) on the other nodes of a cluster.
 */
import type {
  ClusterPresence,
  ConversationChange,
  EventBus,
  SessionsEnded,
  TypingSignal,
} from '../../bus/event-bus.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Presence } from '../../core/routing/agent-snapshot.ts';
import type { PresencePort } from '../conversations/ports.ts';

export interface CustomerClient {
  readonly conversationId: string;
  onEvents(events: readonly StoredEvent[]): void;
  /** The agent is typing (or stopped). */
  onTyping(signal: TypingSignal): void;
  /** The bus may have missed changes: read what came after the last seq sent. */
  resync(): void;
}

export interface AgentClient {
  readonly agentId: string;
  /** The session the socket was opened with (its token's hash). */
  readonly sessionHash: string;
  onConversation(conversation: ConversationRecord): void;
  onEvents(conversationId: string, events: readonly StoredEvent[]): void;
  /** The customer of a conversation is typing (or stopped); the socket knows if it cares. */
  onTyping(signal: TypingSignal): void;
  /** Ends the socket: its session ended (logout, account disabled, password reset). */
  disconnect(reason: string): void;
  /** The agent's presence as routing now sees it (the inbox opened, another tab changed it). */
  onPresence(presence: Presence): void;
  /** The bus may have missed changes: resend the inbox and what the followed ones missed. */
  resync(): void;
}

/** How often the inbox hears about a conversation whose only change is a new message. */
const PREVIEW_INTERVAL_MS = 1000;

export class RealtimeHub implements PresencePort {
  private readonly customers = new Map<string, Set<CustomerClient>>();
  private readonly agents = new Set<AgentClient>();
  /** Open inbox sockets per agent: the router asks this for every agent on every pass. */
  private readonly socketsPerAgent = new Map<string, number>();
  private readonly unsubscribe: () => void;
  private readonly unsubscribeSignals: () => void;
  private readonly unsubscribeSessions: () => void;
  private readonly unsubscribeResync: () => void;
  private readonly bus: EventBus;
  /** What the inbox was last told of each open conversation's routing state. */
  private readonly announced = new Map<string, string>();
  private readonly pendingPreviews = new Map<string, ConversationRecord>();
  private previewTimer: NodeJS.Timeout | null = null;
  /** The other nodes' sockets, when Baton runs as a cluster. */
  private readonly cluster: ClusterPresence | undefined;
  private closed = false;

  constructor(bus: EventBus) {
    // Sockets on this node follow conversations whatever node committed the change.
    this.unsubscribe = bus.subscribe((change) => this.onChange(change), { allNodes: true });
    this.cluster = bus.cluster;
    this.bus = bus;
    this.unsubscribeSignals = bus.onSignal((signal) => this.onSignal(signal));
    this.unsubscribeSessions = bus.onSessionsEnded((ended) => this.closeSessions(ended));
    // Redis lost or regained: what pub/sub dropped meanwhile is read from the database.
    this.unsubscribeResync = bus.onResync?.(() => this.resync()) ?? (() => undefined);
  }

  private resync(): void {
    for (const set of this.customers.values()) for (const client of set) client.resync();
    for (const agent of this.agents) agent.resync();
  }

  /** Tells the other side of the conversation, on whatever node their socket is. */
  typing(signal: TypingSignal): void {
    this.bus.signal(signal);
    // Only on the node whose socket reported it, so a cluster calls the provider once.
    if (signal.by === 'agent' && signal.active) this.onAgentTyping(signal.conversationId);
  }

  /** The assigned agent is typing: shown in the customer's channel (channel-typing.ts). */
  onAgentTyping: (conversationId: string) => void = () => undefined;

  private onSignal(signal: TypingSignal): void {
    if (signal.by === 'agent') {
      for (const client of this.customers.get(signal.conversationId) ?? []) client.onTyping(signal);
    } else {
      for (const agent of this.agents) agent.onTyping(signal);
    }
  }

  /** Called when a conversation's last customer socket closes (they may have left), and on return. */
  onCustomerPresence: (conversationId: string, connected: boolean) => void = () => undefined;

  addCustomer(client: CustomerClient): () => void {
    let set = this.customers.get(client.conversationId);
    if (!set) this.customers.set(client.conversationId, (set = new Set()));
    set.add(client);
    if (set.size === 1) {
      this.onCustomerPresence(client.conversationId, true);
      this.announcePresence();
    }
    return () => {
      set.delete(client);
      // Sockets still close after shutdown began; the store may be gone by then.
      if (set.size === 0 && !this.closed) {
        this.customers.delete(client.conversationId);
        this.onCustomerPresence(client.conversationId, false);
        this.announcePresence();
      }
    };
  }

  isCustomerConnected(conversationId: string): boolean {
    return (
      (this.customers.get(conversationId)?.size ?? 0) > 0 ||
      (this.cluster?.hasCustomer(conversationId) ?? false)
    );
  }

  addAgent(client: AgentClient): () => void {
    this.agents.add(client);
    this.socketsPerAgent.set(client.agentId, (this.socketsPerAgent.get(client.agentId) ?? 0) + 1);
    this.announcePresence();
    this.onAgentConnected(client.agentId);
    return () => {
      if (!this.agents.delete(client)) return;
      const left = (this.socketsPerAgent.get(client.agentId) ?? 1) - 1;
      if (left > 0) this.socketsPerAgent.set(client.agentId, left);
      else {
        this.socketsPerAgent.delete(client.agentId);
        this.announcePresence();
      }
    };
  }

  /**
   * Closes the inbox sockets opened with sessions that just ended, on every node of a cluster
   * (through the bus), so that a logged-out or disabled agent stops hearing about
   * conversations at once.
   */
  endSessions(ended: SessionsEnded): void {
    this.bus.endSessions(ended);
  }

  private closeSessions(ended: SessionsEnded): void {
    for (const client of [...this.agents]) {
      if (client.agentId !== ended.agentId) continue;
      if (ended.sessionHash === undefined || client.sessionHash === ended.sessionHash)
        client.disconnect(ended.reason);
    }
  }

  /** Tells this node's inbox sockets of one agent the presence routing now counts on. */
  tellPresence(agentId: string, presence: Presence): void {
    for (const client of this.agents) if (client.agentId === agentId) client.onPresence(presence);
  }

  /** Called when an agent's inbox connects (the router may now offer them work). */
  onAgentConnected: (agentId: string) => void = () => undefined;

  /** Whether the agent has the inbox open on this node or, in a cluster, on another. */
  isConnected(agentId: string): boolean {
    return this.socketsPerAgent.has(agentId) || (this.cluster?.hasAgent(agentId) ?? false);
  }

  onlineAgentCount(): number {
    if (!this.cluster) return this.socketsPerAgent.size;
    const ids = new Set(this.cluster.agentIds());
    for (const id of this.socketsPerAgent.keys()) ids.add(id);
    return ids.size;
  }

  /** Open sockets on this node, by side (the operators' gauge). */
  socketCounts(): { customer: number; agent: number } {
    let customer = 0;
    for (const set of this.customers.values()) customer += set.size;
    return { customer, agent: this.agents.size };
  }

  private announcePresence(): void {
    this.cluster?.announce({
      agents: [...this.socketsPerAgent.keys()],
      customers: [...this.customers.keys()],
    });
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.unsubscribeSignals();
    this.unsubscribeSessions();
    this.unsubscribeResync();
    if (this.previewTimer) clearTimeout(this.previewTimer);
  }

  private onChange({ conversation, events }: ConversationChange): void {
    for (const client of this.customers.get(conversation.id) ?? []) client.onEvents(events);
    for (const agent of this.agents) agent.onEvents(conversation.id, events);
    // Agents care about conversations a person is (or was) responsible for, not bot chatter.
    if (conversation.handedOverAt !== null) this.announce(conversation);
  }

  /**
   * Routing changes (status, owner, queue, priority) reach the inbox at once; a conversation
   * that only has a new message is announced at most once a second, with its latest state,
   * so a busy conversation does not flood every agent's socket.
   */
  private announce(conversation: ConversationRecord): void {
    const key = `${conversation.status}|${conversation.assigneeId}|${conversation.queue}|${conversation.priority}`;
    if (this.announced.get(conversation.id) !== key) {
      this.pendingPreviews.delete(conversation.id);
      if (conversation.status === 'resolved' || conversation.status === 'abandoned') {
        this.announced.delete(conversation.id);
      } else {
        this.announced.set(conversation.id, key);
      }
      for (const agent of this.agents) agent.onConversation(conversation);
      return;
    }
    this.pendingPreviews.set(conversation.id, conversation);
    this.previewTimer ??= setTimeout(() => this.flushPreviews(), PREVIEW_INTERVAL_MS);
  }

  private flushPreviews(): void {
    this.previewTimer = null;
    const due = [...this.pendingPreviews.values()];
    this.pendingPreviews.clear();
    for (const conversation of due)
      for (const agent of this.agents) agent.onConversation(conversation);
  }
}
