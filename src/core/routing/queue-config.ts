/**
 * Queue configuration: who may serve a queue (skills, languages), where it overflows to, when
 * it is open and what it promises. Parsed once at boot (see `QueueConfigSchema`) and frozen.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Offer: reserve for the best agent with a timeout. Pull: agents claim from the queue. */
export const AssignmentModeSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('offer'), timeoutSeconds: Type.Integer({ minimum: 5, maximum: 600 }) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('pull') }, { additionalProperties: false }),
]);

export const QueueSlaSchema = Type.Object(
  {
    /** First-response target: a person answers within this many seconds. */
    firstResponseSeconds: Type.Integer({ minimum: 10 }),
    /** Estimated wait (minutes) above which the customer is offered a callback or async reply. */
    longQueueMinutes: Type.Integer({ minimum: 1, default: 15 }),
  },
  { additionalProperties: false },
);

export const QueueConfigSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    /** Team name the customer hears ("Alex from Billing"). */
    name: Type.String({ minLength: 1 }),
    /** The team name in the customer's language (`es: Facturación`); `name` for the others. */
    names: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }))),
    /** Every agent serving the queue holds all of these skills. */
    requiredSkills: Type.Array(Type.String(), { default: [] }),
    /** Languages served, the first being the one used when the customer's is not served. */
    languages: Type.Array(Type.String({ minLength: 2 }), { minItems: 1 }),
    /** Queues tried in order when nobody eligible is online here; empty means wait. */
    fallback: Type.Array(Type.String(), { default: [] }),
    /** Id of the business-hours calendar (src/core/sla). */
    calendarId: Type.String({ minLength: 1 }),
    sla: QueueSlaSchema,
    assignment: AssignmentModeSchema,
    /** Per-language overrides of the customer catalogue's texts (src/core/i18n/customer-en.ts keys). */
    messages: Type.Optional(
      Type.Record(Type.String(), Type.Record(Type.String(), Type.String({ minLength: 1 }))),
    ),
  },
  { additionalProperties: false },
);

export type AssignmentMode = Static<typeof AssignmentModeSchema>;
export type QueueSla = Static<typeof QueueSlaSchema>;
export type QueueConfig = Static<typeof QueueConfigSchema>;
