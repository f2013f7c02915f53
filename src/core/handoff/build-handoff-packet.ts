/**
 * Assembles the handoff packet from the conversation and the policy's decision. Pure: the
 * caller supplies the customer's history and the time.
 */
import { trustedCustomer } from '../customer/trusted-customer.ts';
import { detectHumanRequest } from '../signals/detect-human-request.ts';
import { detectTopics } from '../signals/detect-topics.ts';
import { scoreSentiment } from '../signals/score-sentiment.ts';
import {
  HANDOFF_PACKET_VERSION,
  type CustomerProfile,
  type FieldValue,
  type HandoffPacket,
  type PacketReason,
  type PacketTurn,
} from './handoff-packet.ts';
import { recommendActions, type ActionRule } from './recommend-actions.ts';
import { summarizeConversation, type SummaryTurn } from './summarize-conversation.ts';
import { summarizeSentiment } from './summarize-sentiment.ts';

export interface PacketInputTurn extends PacketTurn {
  readonly confidence?: number;
  readonly intent?: string;
  readonly article?: { readonly id: string; readonly title: string };
}

export interface PacketDecision {
  readonly reasons: readonly PacketReason[];
  readonly queue: string;
  readonly skills: readonly string[];
  readonly priority: number;
  readonly priorityContributions: ReadonlyArray<{
    readonly source: string;
    readonly points: number;
  }>;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly policyVersion: string;
}

export interface HandoffPacketInput {
  readonly conversationId: string;
  readonly channel: string;
  readonly language: string | null;
  readonly customer: Readonly<Record<string, unknown>>;
  readonly turns: readonly PacketInputTurn[];
  readonly decision: PacketDecision;
  readonly history: {
    readonly previousConversations: number;
    readonly previousEscalations: number;
  };
  readonly now: Date;
  readonly actionRules?: readonly ActionRule[];
}

export function buildHandoffPacket(input: HandoffPacketInput): HandoffPacket {
  const summaryTurns = input.turns.map(toSummaryTurn);
  const topic = dominantTopic(summaryTurns);
  const reasons = input.decision.reasons.map((r) => r.code);
  const customerTexts = input.turns
    .filter((t) => t.from === 'customer' && t.text)
    .map((t) => t.text as string);
  const lastBot = [...input.turns]
    .reverse()
    .find((t) => t.from === 'bot' && t.intent !== 'handoff');
  const articles = uniqueArticles(input.turns);
  return {
    version: HANDOFF_PACKET_VERSION,
    conversationId: input.conversationId,
    createdAt: input.now.toISOString(),
    channel: input.channel,
    language: input.language,
    customer: profileOf(input.customer, input.history),
    summary: summarizeConversation({
      turns: summaryTurns,
      reasons,
      fields: input.decision.fields,
      topic,
    }),
    intent: {
      topic,
      botIntent: lastBot?.intent ?? null,
      botConfidence: lastBot?.confidence ?? null,
    },
    sentiment: summarizeSentiment(
      customerTexts.map(scoreSentiment),
      reasons.includes('negative_sentiment'),
    ),
    reasons: input.decision.reasons,
    fields: input.decision.fields,
    articlesShown: articles,
    attemptedSolutions: articles.map((a) => `knowledge base: ${a.title}`),
    queue: input.decision.queue,
    skills: input.decision.skills,
    priority: {
      value: input.decision.priority,
      contributions: input.decision.priorityContributions,
    },
    recommendedActions: recommendActions({ reasons, topic }, input.actionRules),
    policyVersion: input.decision.policyVersion,
    transcript: input.turns.map(({ at, from, text, action }) => ({
      at,
      from,
      ...(text !== undefined ? { text } : {}),
      ...(action !== undefined ? { action } : {}),
    })),
  };
}

function toSummaryTurn(turn: PacketInputTurn): SummaryTurn {
  const text = turn.text ?? '';
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const isRequest = turn.from === 'customer' && detectHumanRequest(turn)?.strength === 'strong';
  return {
    from: turn.from,
    ...(turn.text !== undefined ? { text: turn.text } : {}),
    ...(turn.action !== undefined ? { action: turn.action } : {}),
    ...(turn.intent !== undefined ? { intent: turn.intent } : {}),
    ...(turn.article ? { article: turn.article } : {}),
    topics: turn.from === 'customer' && text ? detectTopics(text).map((h) => h.topic) : [],
    // Three words or fewer ("hi", "human please") or a bare request say nothing of the goal.
    contentless: words <= 3 || (isRequest && words <= 8),
  };
}

/** The topic the customer raised most (a request counts as much as repeated mentions), earliest on ties. */
function dominantTopic(turns: readonly SummaryTurn[]): string | null {
  const counts = new Map<string, number>();
  for (const turn of turns)
    for (const topic of turn.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  let best: string | null = null;
  for (const [topic, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = topic;
  return best;
}

function uniqueArticles(turns: readonly PacketInputTurn[]) {
  const seen = new Map<string, { id: string; title: string }>();
  for (const t of turns)
    if (t.article && !seen.has(t.article.id)) seen.set(t.article.id, { ...t.article });
  return [...seen.values()];
}

function profileOf(
  customer: Readonly<Record<string, unknown>>,
  history: HandoffPacketInput['history'],
): CustomerProfile {
  const str = (k: string) =>
    typeof customer[k] === 'string' ? (customer[k] as string) : undefined;
  const num = (k: string) =>
    typeof customer[k] === 'number' ? (customer[k] as number) : undefined;
  const trusted = trustedCustomer(customer);
  const profile: Record<string, unknown> = {
    id: str('id'),
    name: str('name'),
    email: str('email'),
    tier: str('tier'),
    lifetimeValue: num('lifetime_value') ?? num('lifetimeValue'),
    customerSince: str('customer_since') ?? str('customerSince'),
    atRiskOfChurn:
      typeof customer.at_risk_of_churn === 'boolean' ? customer.at_risk_of_churn : undefined,
    preferredContact: str('preferred_contact') ?? str('preferredContact'),
    previousConversations: history.previousConversations,
    // A count of earlier escalations is believed only when the host site signed it.
    previousEscalations: Math.max(
      history.previousEscalations,
      trusted.previous_escalations === undefined ? 0 : (num('previous_escalations') ?? 0),
    ),
    verified: verifiedOf(customer),
  };
  for (const key of Object.keys(profile)) if (profile[key] === undefined) delete profile[key];
  return profile as unknown as CustomerProfile;
}

/** `false` for a browser's unsigned claims, `true` when the host site signed them. */
function verifiedOf(customer: Readonly<Record<string, unknown>>): boolean | undefined {
  return typeof customer.verified === 'boolean' ? customer.verified : undefined;
}
