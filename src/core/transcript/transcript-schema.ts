// TypeBox schema of `baton.transcript/1` (../shared/spec/transcripts.md). One source for the
// TypeScript types and for validation, so the parser and the types can never disagree.
import { Type, type Static } from '@sinclair/typebox';

export const TRANSCRIPT_FORMAT = 'baton.transcript/1';

export const CHANNELS = [
  'web',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'sms',
  'email',
  'api',
  'voice',
] as const;

export const ChannelSchema = Type.Union(CHANNELS.map((c) => Type.Literal(c)));

export const SPEAKERS = ['customer', 'bot', 'agent', 'system'] as const;

export const TurnSchema = Type.Object(
  {
    at: Type.Optional(Type.String()),
    from: Type.Union(SPEAKERS.map((s) => Type.Literal(s))),
    text: Type.Optional(Type.String()),
    action: Type.Optional(Type.String({ minLength: 1 })),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    intent: Type.Optional(Type.String()),
  },
  // Unknown extra keys on a turn are tolerated and passed on (forward compatibility).
  { additionalProperties: true },
);

export const CustomerSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    tier: Type.Optional(Type.String()),
    lifetime_value: Type.Optional(Type.Number()),
    customer_since: Type.Optional(Type.String()),
    previous_escalations: Type.Optional(Type.Integer({ minimum: 0 })),
    at_risk_of_churn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: true },
);

export const TranscriptSchema = Type.Object(
  {
    format: Type.Literal(TRANSCRIPT_FORMAT),
    id: Type.String({ minLength: 1 }),
    channel: ChannelSchema,
    language: Type.Optional(Type.String()),
    started_at: Type.Optional(Type.String()),
    customer: Type.Optional(CustomerSchema),
    turns: Type.Array(TurnSchema),
  },
  { additionalProperties: true },
);

export type Channel = Static<typeof ChannelSchema>;
export type Speaker = Static<typeof TurnSchema>['from'];
// Unknown extra keys are kept and passed on, so the types admit them too.
export type Turn = Static<typeof TurnSchema> & { [key: string]: unknown };
export type Customer = Static<typeof CustomerSchema> & { [key: string]: unknown };
export type Transcript = Omit<Static<typeof TranscriptSchema>, 'customer' | 'turns'> & {
  customer?: Customer;
  turns: Turn[];
  [key: string]: unknown;
};
