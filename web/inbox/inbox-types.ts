// Wire types only the inbox reads: the handoff packet (src/core/handoff/handoff-packet.ts),
// the team, canned responses, knowledge-base hits and WhatsApp templates. Type-only.

export type FieldValue = string | { value: number; currency: string };

export interface PacketReason {
  code: string;
  rule?: string;
  strength: number;
  evidence: { turn: number; text?: string; matched?: string; scores?: Record<string, number> };
}

export interface HandoffPacket {
  version: number;
  channel: string;
  language: string | null;
  customer: {
    id?: string;
    name?: string;
    email?: string;
    tier?: string;
    lifetimeValue?: number;
    customerSince?: string;
    atRiskOfChurn?: boolean;
    preferredContact?: string;
    previousConversations: number;
    previousEscalations: number;
    /** false: the visitor's unsigned claims; true: signed by the host site; absent: a channel. */
    verified?: boolean;
  };
  summary: {
    goal: string;
    tried: string[];
    collected: Record<string, FieldValue>;
    blocker: string;
    text: string;
    abstractive?: { text: string; model?: string };
  };
  intent: { topic: string | null; botIntent: string | null; botConfidence: number | null };
  sentiment: {
    last: number;
    average: number;
    trend: 'improving' | 'steady' | 'worsening';
    label: 'positive' | 'neutral' | 'frustrated' | 'angry';
  };
  reasons: PacketReason[];
  fields: Record<string, FieldValue>;
  articlesShown: { id: string; title: string }[];
  attemptedSolutions: string[];
  queue: string;
  priority: { value: number; contributions: { source: string; points: number }[] };
  recommendedActions: string[];
}

export type Presence = 'online' | 'away' | 'offline';

export interface TeamAgent {
  id: string;
  email: string;
  name: string;
  role: string;
  skills: string[];
  presence: Presence;
  capacity: number;
  load: number;
  connected: boolean;
}

export interface CannedResponse {
  title: string;
  text: string;
}

export interface KnowledgeHit {
  id: string;
  title: string;
  score: number;
  body: string;
}

export interface RepeatWarning {
  field: string;
  asked: string;
  known: string;
}

export interface WhatsAppTemplate {
  name: string;
  language: string;
  parameters: number;
  preview: string;
}

export interface ResolveOutcome {
  resolved: boolean;
  botCouldHaveHandled: boolean;
  note?: string;
}

/** A media reference on an inbound channel message (the file stays at the provider). */
export interface MediaRef {
  kind: string;
  ref: string;
  mimeType?: string;
  caption?: string;
  fileName?: string;
}
