/**
 * The handoff packet: everything the person taking over needs, so the customer never has to
 * repeat themselves. Versioned, because it is stored, shown in the inbox, served by the API
 * and sent in outgoing webhooks.
 */

export const HANDOFF_PACKET_VERSION = 1;

export type FieldValue = string | { readonly value: number; readonly currency: string };

export interface PacketTurn {
  readonly at: string;
  readonly from: 'customer' | 'bot' | 'agent' | 'system';
  readonly text?: string;
  readonly action?: string;
}

export interface CustomerProfile {
  readonly id?: string;
  readonly name?: string;
  readonly email?: string;
  readonly tier?: string;
  readonly lifetimeValue?: number;
  readonly customerSince?: string;
  readonly atRiskOfChurn?: boolean;
  readonly preferredContact?: string;
  readonly previousConversations: number;
  readonly previousEscalations: number;
  /**
   * `false`: the widget or API sent this record without a valid signature from the host
   * site, so its id, email and claims are the visitor's word. `true`: signed. Absent:
   * a channel (WhatsApp, email …) named the customer.
   */
  readonly verified?: boolean;
}

export interface PacketSummary {
  /** What the customer wants, in their own words where possible. */
  readonly goal: string;
  /** What the bot tried (answers and articles), in order. */
  readonly tried: readonly string[];
  /** What the conversation has collected (order id, email …). */
  readonly collected: Readonly<Record<string, FieldValue>>;
  /** Why the bot stepped aside. */
  readonly blocker: string;
  /** The four above as two or three sentences, for the top of the agent's screen. */
  readonly text: string;
}

export interface SentimentSummary {
  readonly last: number;
  readonly average: number;
  readonly trend: 'improving' | 'steady' | 'worsening';
  readonly label: 'positive' | 'neutral' | 'frustrated' | 'angry';
}

export interface PacketReason {
  readonly code: string;
  readonly strength: number;
  readonly evidence: {
    readonly turn: number;
    readonly text?: string;
    readonly matched?: string;
    readonly scores?: Readonly<Record<string, number>>;
  };
}

export interface HandoffPacket {
  readonly version: typeof HANDOFF_PACKET_VERSION;
  readonly conversationId: string;
  readonly createdAt: string;
  readonly channel: string;
  readonly language: string | null;
  readonly customer: CustomerProfile;
  readonly summary: PacketSummary;
  readonly intent: {
    readonly topic: string | null;
    readonly botIntent: string | null;
    readonly botConfidence: number | null;
  };
  readonly sentiment: SentimentSummary;
  readonly reasons: readonly PacketReason[];
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly articlesShown: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly attemptedSolutions: readonly string[];
  readonly queue: string;
  readonly skills: readonly string[];
  readonly priority: {
    readonly value: number;
    readonly contributions: ReadonlyArray<{ readonly source: string; readonly points: number }>;
  };
  readonly recommendedActions: readonly string[];
  readonly policyVersion: string;
  readonly transcript: readonly PacketTurn[];
}
