// Input and output types of evaluatePolicy. The input is the transcript's shape, so the live
// server and `baton replay` evaluate exactly the same thing.
import type { Channel, Customer, Turn } from '../transcript/transcript-schema.ts';
import type { ReasonCode, SignalName } from './policy-schema.ts';

export interface PolicyInput {
  channel: Channel;
  language?: string;
  customer?: Customer;
  /** The conversation so far; the last customer turn is the one being judged. */
  turns: readonly Turn[];
  /** `started_at` of the transcript, used to time turns without `at`. */
  startedAt?: string;
  /** The evaluation time; defaults to the time of the last turn (replay has no clock). */
  now?: Date;
}

export interface Evidence {
  /** 0-based index in `turns` of the message that shows the signal. */
  turn: number;
  text?: string;
  matched?: string;
  scores?: Record<string, number>;
  /** The learned classifier behind the signal, when one read the message. */
  classifier?: ClassifierEvidence;
}

export interface ClassifierEvidence {
  /** Head of models/escalation-classifier (e.g. `explicit_request`). */
  name: string;
  score: number;
  threshold: number;
  /** Whether the score alone made the signal fire (false: a rule fired and the score agrees or not). */
  decisive: boolean;
}

export interface SignalResult {
  name: SignalName;
  fired: boolean;
  /** 0..1: how clearly the signal holds. */
  strength: number;
  /** Human-readable value, for the trace ("2 low-confidence bot turns in a row"). */
  actual: string;
  evidence?: Evidence;
  /** The topic behind the signal, when it has one (for the queue). */
  topic?: string;
}

export interface Reason {
  code: ReasonCode;
  rule: string;
  strength: number;
  evidence: Evidence;
}

export interface TraceEntry {
  rule: string;
  expected: string;
  actual: string;
  passed: boolean;
}

export interface PriorityContribution {
  source: string;
  points: number;
}

export type DecisionAction = 'continue' | 'intake' | 'handoff';

export interface MoneyField {
  value: number;
  currency: string;
}

export type FieldValue = string | MoneyField;

export interface Decision {
  action: DecisionAction;
  /** Every reason that holds at this turn, strongest first. */
  reasons: Reason[];
  queue: string | null;
  skills: string[];
  priority: number;
  priorityContributions: PriorityContribution[];
  /** Fields collected from customer text so far (plus policy-defined ones). */
  fields: Record<string, FieldValue>;
  /** Fields the deciding rule wants before transfer that are still missing (for intake). */
  missingFields: string[];
  trace: TraceEntry[];
  policyVersion: string;
}
