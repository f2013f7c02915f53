// TypeBox schema of a policy file (see docs/escalation.md). The schema is the single source of
// the Policy type and of validation; every key but `version` and `rules` has a default, so a
// minimal policy is short and every threshold can still be overridden.
import { Type, type Static } from '@sinclair/typebox';
import { CHANNELS } from '../transcript/transcript-schema.ts';

export const REASON_CODES = [
  'explicit_request',
  'topic_policy',
  'security',
  'amount_threshold',
  'negative_sentiment',
  'repeated_failure',
  'out_of_scope',
  'high_value',
  'session_timeout',
  'bot_error',
  'approval_required',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const REASON_CODE_SET: ReadonlySet<string> = new Set(REASON_CODES);

/** Whether a code from outside (an external bot, an LLM judge) is one of the policy's. */
export function isReasonCode(code: string): code is ReasonCode {
  return REASON_CODE_SET.has(code);
}

export const SIGNAL_NAMES = [
  'human_request',
  'human_request_repeated',
  'security',
  'refund_request',
  'cancellation',
  'billing_dispute',
  'legal',
  'complaint',
  'approval',
  'sensitive_topic',
  'high_value_intent',
  'amount_over_threshold',
  'strong_frustration',
  'negative_sentiment_trend',
  'low_confidence_streak',
  'failed_attempts',
  'clarification_loop',
  'repeated_question',
  'unanswered_repeat',
  'topic_switches',
  'out_of_scope_persist',
  'session_timeout',
  'bot_error',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

export const BUILTIN_FIELDS = ['order_id', 'email', 'phone', 'amount', 'account_id'] as const;

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

export const ThresholdsSchema = Type.Object(
  {
    low_confidence: Type.Number({ minimum: 0, maximum: 1, default: 0.4 }),
    low_confidence_turns: Type.Integer({ minimum: 1, default: 2 }),
    same_question: Type.Integer({ minimum: 2, default: 3 }),
    similarity: Type.Number({ minimum: 0, maximum: 1, default: 0.6 }),
    clarifications: Type.Integer({ minimum: 0, default: 2 }),
    sentiment: Type.Number({ minimum: -1, maximum: 1, default: -0.5 }),
    sentiment_turns: Type.Integer({ minimum: 1, default: 2 }),
    topic_switches: Type.Integer({ minimum: 1, default: 4 }),
    session_minutes: Type.Number({ exclusiveMinimum: 0, default: 10 }),
    amount: Type.Number({ minimum: 0, default: 500 }),
    amount_by_currency: Type.Record(
      Type.String({ pattern: '^[A-Z]{3}$' }),
      Type.Number({ minimum: 0 }),
      {
        default: {},
      },
    ),
    out_of_scope_replies: Type.Integer({ minimum: 1, default: 1 }),
    weak_request_repeats: Type.Integer({ minimum: 1, default: 2 }),
    bulk_quantity: Type.Integer({ minimum: 1, default: 20 }),
    // Probability (0..1) at which each learned classifier fires on a customer message; 1 = off.
    classifier_explicit_request: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    classifier_security: Type.Number({ minimum: 0, maximum: 1, default: 0.55 }),
    classifier_approval: Type.Number({ minimum: 0, maximum: 1, default: 0.7 }),
    classifier_high_value: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    classifier_topic_policy: Type.Number({ minimum: 0, maximum: 1, default: 0.9 }),
    classifier_frustration: Type.Number({ minimum: 0, maximum: 1, default: 0.7 }),
    classifier_topic: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    classifier_veto: Type.Number({ minimum: 0, maximum: 1, default: 0 }),
    classifier_topic_veto: Type.Number({ minimum: 0, maximum: 1, default: 0.1 }),
    answer_overlap: Type.Number({ minimum: 0, maximum: 1, default: 0.15 }),
    reask_similarity: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    // Off-point bot answers to re-asked questions before `unanswered_repeat` fires: 2 is the
    // spec's "asked a third time".
    unanswered_repeats: Type.Integer({ minimum: 1, default: 2 }),
    // Failed bot answers in a row (low confidence, or rejected by the customer's next message)
    // before `failed_attempts` fires: the spec's "the bot failed to help twice".
    failed_attempts: Type.Integer({ minimum: 1, default: 2 }),
  },
  { additionalProperties: false, default: {} },
);

const addRule = <K extends string>(key: K, dflt: number, add: number) =>
  Type.Object(
    { [key]: Type.Number({ default: dflt }), add: Type.Number({ default: add }) } as {
      [P in K | 'add']: ReturnType<typeof Type.Number>;
    },
    { additionalProperties: false, default: {} },
  );

export const PrioritySchema = Type.Object(
  {
    base: Type.Number({ default: 50 }),
    max: Type.Number({ default: 100 }),
    tiers: Type.Record(Type.String(), Type.Number(), {
      default: { premium: 20, enterprise: 20, business: 10 },
    }),
    lifetime_value: addRule('above', 5000, 15),
    at_risk_of_churn: Type.Number({ default: 25 }),
    negative_sentiment: addRule('below', -0.5, 20),
    long_session: addRule('minutes', 10, 10),
    many_messages: addRule('above', 10, 10),
    topics: Type.Record(Type.String(), Type.Number(), { default: { cancellation: 15 } }),
  },
  { additionalProperties: false, default: {} },
);

export const QueuesSchema = Type.Object(
  {
    default: Type.String({ minLength: 1, default: 'general' }),
    topics: Type.Record(Type.String(), Type.String({ minLength: 1 }), {
      default: {
        refund: 'billing',
        billing_dispute: 'billing',
        billing: 'billing',
        cancellation: 'retention',
        legal: 'trust_safety',
        security: 'trust_safety',
        sales: 'sales',
        technical: 'technical',
      },
    }),
  },
  { additionalProperties: false, default: {} },
);

export const CustomerConditionSchema = Type.Object(
  {
    tier: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
    min_lifetime_value: Type.Optional(Type.Number()),
    at_risk_of_churn: Type.Optional(Type.Boolean()),
    min_previous_escalations: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const WhenSchema = Type.Object(
  {
    any: Type.Optional(Type.Array(literals(SIGNAL_NAMES), { minItems: 1 })),
    all: Type.Optional(Type.Array(literals(SIGNAL_NAMES), { minItems: 1 })),
    channel: Type.Optional(Type.Array(literals(CHANNELS), { minItems: 1 })),
    language: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
    customer: Type.Optional(CustomerConditionSchema),
  },
  { additionalProperties: false },
);

export const RuleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$' }),
    reason: literals(REASON_CODES),
    description: Type.Optional(Type.String()),
    enabled: Type.Boolean({ default: true }),
    when: WhenSchema,
    action: Type.Union([Type.Literal('handoff'), Type.Literal('intake')], { default: 'handoff' }),
    strength: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    priority: Type.Number({ default: 0 }),
    queue: Type.Optional(Type.String({ minLength: 1 })),
    skills: Type.Array(Type.String(), { default: [] }),
    collect: Type.Array(Type.String(), { default: [] }),
  },
  { additionalProperties: false },
);

export const FieldDefinitionSchema = Type.Object(
  {
    pattern: Type.String({ minLength: 1 }),
    flags: Type.Optional(Type.String({ pattern: '^[imsu]*$' })),
  },
  { additionalProperties: false },
);

/** One row of the agent's "recommended next steps" table (see core/handoff/recommend-actions). */
export const ActionRuleSchema = Type.Object(
  {
    when: Type.Object(
      {
        reasons: Type.Optional(Type.Array(literals(REASON_CODES), { minItems: 1 })),
        topics: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      },
      { additionalProperties: false },
    ),
    actions: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const PolicySchema = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    thresholds: ThresholdsSchema,
    priority: PrioritySchema,
    queues: QueuesSchema,
    fields: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), FieldDefinitionSchema, {
      default: {},
    }),
    rules: Type.Array(RuleSchema, { minItems: 1 }),
    /** Replaces the built-in table when present; rules apply in order, all that match. */
    recommendedActions: Type.Optional(Type.Array(ActionRuleSchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);

export type Policy = Static<typeof PolicySchema>;
export type PolicyRule = Static<typeof RuleSchema>;
export type PolicyThresholds = Static<typeof ThresholdsSchema>;
export type PolicyPriority = Static<typeof PrioritySchema>;
export type RuleCondition = Static<typeof WhenSchema>;
