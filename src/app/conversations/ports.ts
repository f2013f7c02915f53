/**
 * What the conversation service needs from the escalation engine and the bot: the narrow
 * ports it owns. The composition root (src/main/main.ts) adapts the real engines to them.
 */
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import type { ActionRule } from '../../core/handoff/recommend-actions.ts';

/**
 * A conversation as the escalation policy reads it: the `baton.transcript/1` shape.
 * (A type alias, not an interface, so it fits the transcript schema's open record type.)
 */
export type TranscriptTurn = {
  readonly at: string;
  readonly from: 'customer' | 'bot' | 'agent' | 'system';
  readonly text?: string;
  readonly action?: 'request_human';
  readonly confidence?: number;
  readonly intent?: string;
  /** The knowledge-base article a bot turn used. */
  readonly article?: { readonly id: string; readonly title: string };
};

export interface TranscriptView {
  readonly id: string;
  readonly channel: string;
  readonly language: string | null;
  readonly startedAt: string;
  readonly customer: Record<string, unknown>;
  readonly turns: readonly TranscriptTurn[];
  /** The fields the bot reported on its replies so far (bot-reported-fields.ts). */
  readonly botFields?: Readonly<Record<string, FieldValue>>;
}

export interface EscalationDecision {
  readonly action: 'continue' | 'intake' | 'handoff';
  /** Reason codes, strongest first. */
  readonly reasons: readonly string[];
  readonly queue: string;
  readonly priority: number;
  readonly policyVersion: string;
  /** Fields the conversation has collected (order id, email …). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The engine's explanation, stored with the decision and shown to the agent. */
  readonly detail: DecisionDetail;
  /** The policy's "recommended next steps" table; absent: the built-in one. */
  readonly actionRules?: readonly ActionRule[];
}

export interface DecisionDetail {
  /** Each reason with its evidence (which message, which words, which scores). */
  readonly reasons: ReadonlyArray<{
    readonly code: string;
    readonly strength: number;
    readonly evidence: { readonly turn: number; readonly text?: string; readonly matched?: string };
  }>;
  readonly skills: readonly string[];
  readonly priorityContributions: ReadonlyArray<{
    readonly source: string;
    readonly points: number;
  }>;
  readonly missingFields: readonly string[];
  readonly trace: ReadonlyArray<{
    rule: string;
    expected: string;
    actual: string;
    passed: boolean;
  }>;
}

export interface EscalationJudge {
  /** May be asynchronous (an LLM judge); it must settle, never hang: judges time out. */
  decide(conversation: TranscriptView, now: Date): EscalationDecision | Promise<EscalationDecision>;
}

export type { BotChoice, BotReply, BotResponder } from '../../bot/bot-reply.ts';

/** Who from the team is connected right now (for honest expectation messages). */
export interface PresencePort {
  onlineAgentCount(): number;
  /** Whether this agent has the inbox open on this node. */
  isConnected(agentId: string): boolean;
}
