/** `routing`: queues, offers, SLAs, business hours and the no-dead-end policy (docs/routing.md). */
import { Type } from '@sinclair/typebox';
import { QueueConfigSchema } from '../core/routing/queue-config.ts';

/** How each way a customer could be forgotten is moved on (docs/routing.md, "No dead ends"). */
const DeadEndsSchema = Type.Object(
  {
    offerRoundsBeforeAlert: Type.Integer({
      minimum: 1,
      default: 2,
      description:
        'Offer rounds (every eligible agent let it pass) after which each round alerts the supervisor.',
    }),
    offerRoundPauseSeconds: Type.Integer({
      minimum: 0,
      default: 30,
      description:
        'When every eligible agent let an offer pass, the next round starts this long after the last pass.',
    }),
    replyNudgeSeconds: Type.Integer({
      minimum: 1,
      default: 120,
      description: 'Assigned, the customer waiting on the agent this long: the agent is nudged.',
    }),
    replyAlertSeconds: Type.Integer({
      minimum: 1,
      default: 240,
      description: '… this long: the supervisor is alerted.',
    }),
    replyRequeueSeconds: Type.Integer({
      minimum: 1,
      default: 420,
      description: '… this long: the conversation goes back to the queue with raised priority.',
    }),
    ownerGoneSeconds: Type.Integer({
      minimum: 1,
      default: 60,
      description:
        'An agent whose inbox socket is gone this long: their conversations are re-queued.',
    }),
    priorityStep: Type.Integer({
      minimum: 1,
      maximum: 50,
      default: 15,
      description: 'Largest priority bump of one SLA breach or re-queue.',
    }),
    priorityCeiling: Type.Integer({
      minimum: 2,
      maximum: 99,
      default: 90,
      description: 'Bumps never raise a priority above this (kept below the maximum, 100).',
    }),
  },
  { additionalProperties: false, default: {} },
);

/** Opening hours in a time zone with holidays: `routing.businessHours` and each of `routing.calendars`. */
const CalendarSchema = Type.Object(
  {
    timeZone: Type.String({
      minLength: 1,
      description: 'IANA zone, e.g. Europe/Berlin.',
    }),
    days: Type.Partial(
      Type.Record(
        Type.Union(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => Type.Literal(d))),
        Type.Array(
          Type.Object({
            open: Type.String({ pattern: '^([01]?\\d|2[0-4]):[0-5]\\d$' }),
            close: Type.String({ pattern: '^([01]?\\d|2[0-4]):[0-5]\\d$' }),
          }),
        ),
      ),
    ),
    holidays: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
        description: 'Closed all day (YYYY-MM-DD); none by default.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'When people answer: weekly hours in a time zone, and holidays.',
  },
);

export const RoutingSchema = Type.Object(
  {
    firstResponseSlaSeconds: Type.Integer({
      minimum: 1,
      default: 300,
      description: 'BATON_SLA_SECONDS: wait before a breach bumps priority and alerts.',
    }),
    queueSlaSeconds: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Type.Integer({ minimum: 1 }), {
        description: 'Per-queue first-response SLA (seconds), e.g. { billing: 120 }.',
      }),
    ),
    averageHandleMinutes: Type.Number({
      exclusiveMinimum: 0,
      default: 6,
      description:
        'Prior handle time of the wait estimate; each queue uses its measured one from 5 samples on.',
    }),
    longQueueMinutes: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Type.Integer({ minimum: 1 }), {
        description:
          'Per-queue wait (minutes) above which callback / continue-by-message are offered (default 15).',
      }),
    ),
    queueMessages: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
        Type.Record(
          Type.String({ pattern: '^[a-z]{2}$' }),
          Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.String({ minLength: 1 })),
        ),
        {
          description:
            'Per-queue template overrides by language, e.g. { billing: { en: { wait_kept: "…" } } }.',
        },
      ),
    ),
    abandonAfterSeconds: Type.Integer({
      minimum: 1,
      default: 300,
      description:
        'BATON_ABANDON_AFTER_SECONDS: a web customer gone this long while waiting has left.',
    }),
    // The `business` calendar: without it the team is open around the clock.
    businessHours: Type.Optional(CalendarSchema),
    calendars: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), CalendarSchema, {
        description:
          'More calendars for queues to name by `calendarId`, e.g. { weekend: { timeZone, days } }.',
      }),
    ),
    queues: Type.Optional(
      Type.Array(QueueConfigSchema, {
        minItems: 1,
        description:
          'The queues (replacing the built-in six): id, name, requiredSkills, languages, fallback, calendarId, sla, assignment.',
      }),
    ),
    passIntervalMs: Type.Integer({
      minimum: 100,
      default: 5000,
      description: 'Routing also runs this often, besides on every change.',
    }),
    deadEnds: DeadEndsSchema,
  },
  { additionalProperties: false, default: {} },
);
