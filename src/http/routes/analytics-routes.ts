/**
 * GET /api/v1/analytics and …/analytics/export.csv (supervisors and admins), and GET /metrics
 * (Prometheus). Everything is computed from the event log of the conversations started in the
 * range; the 7 days after the range are read too, so a customer who came back later still
 * counts as a recontact. The per-agent report reads the same selected conversations.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import {
  agentReport,
  agentsCsv,
  bucketSizeFor,
  computeHandoffMetrics,
  conversationFacts,
  conversationsCsv,
  filterFacts,
  handoffRateSeries,
  improvementsCsv,
  recontacted,
  RECONTACT_WINDOW_MS,
  type ConversationFacts,
  type ConversationLog,
} from '../../core/metrics/index.ts';
import { customerKeyOf } from '../../core/customer/customer-key.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const NAME = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Query = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 7 days ago.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now.' })),
    queue: Type.Optional(NAME),
    channel: Type.Optional(NAME),
    language: Type.Optional(NAME),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(
  {
    ...Query.properties,
    kind: Type.Union([
      Type.Literal('conversations'),
      Type.Literal('improvements'),
      Type.Literal('agents'),
    ]),
  },
  { additionalProperties: false },
);

const DAY_MS = 86_400_000;
/** Conversations read per request: the range plus the recontact window. */
const MAX_CONVERSATIONS = 20_000;

interface Selection {
  readonly from: Date;
  readonly to: Date;
  /** Conversations started in the range, filtered. */
  readonly facts: ConversationFacts[];
  /** The event logs of those same conversations, for the per-agent report. */
  readonly logs: ConversationLog[];
  /** Every conversation read (range and the 7 days after), for recontacts. */
  readonly context: ConversationFacts[];
}

async function select(
  ctx: RouteContext,
  request: FastifyRequest,
  query: Static<typeof Query>,
): Promise<Selection> {
  const agent = await ctx.auth.agent(request);
  if (agent.role === 'agent')
    throw new BatonError('FORBIDDEN', 'Analytics are for supervisors and admins.');
  const now = ctx.clock();
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * DAY_MS);
  if (from >= to) throw new BatonError('VALIDATION_FAILED', '`from` must be before `to`.');
  const until = new Date(
    Math.max(to.getTime(), Math.min(now.getTime(), to.getTime() + RECONTACT_WINDOW_MS)),
  );
  const logs = await ctx.conversations.logsBetween(from, until, MAX_CONVERSATIONS);
  const conversationLogs: ConversationLog[] = logs.map(({ conversation, events }) => ({
    id: conversation.id,
    channel: conversation.channel,
    language: conversation.language,
    customerKey: customerKeyOf(conversation.customer),
    events,
  }));
  const context = conversationLogs.map(conversationFacts);
  const inRange = context.filter((f, i) => logs[i]!.conversation.createdAt < to.toISOString());
  const facts = filterFacts(inRange, {
    queue: query.queue,
    channel: query.channel,
    language: query.language,
  });
  const selected = new Set(facts.map((f) => f.id));
  return {
    from,
    to,
    facts,
    logs: conversationLogs.filter((l) => selected.has(l.id)),
    context,
  };
}

/** The per-agent report of the selected conversations, with the accounts' current names. */
async function agentRows(ctx: RouteContext, logs: readonly ConversationLog[]) {
  const names = new Map(
    (await ctx.team.list({ includeDisabled: true })).map((a) => [a.id, a.name] as const),
  );
  return agentReport(logs, (id) => names.get(id));
}

/**
 * Display names for the queues in force and for any queue id in the selection (a queue since
 * removed from the config keeps its id as its name), so the dashboard never guesses from ids.
 */
function queueNames(ctx: RouteContext, facts: readonly ConversationFacts[]) {
  const ids = new Set(ctx.queues.list.map((q) => q.id));
  for (const f of facts) if (f.queue !== null) ids.add(f.queue);
  return Object.fromEntries([...ids].map((id) => [id, ctx.queues.displayName(id)]));
}

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Static<typeof Query> }>(
    '/api/v1/analytics',
    {
      schema: {
        summary: 'Handoff metrics for conversations started in a time range',
        tags: ['analytics'],
        security: bearer,
        querystring: Query,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            filters: Type.Record(Type.String(), Type.String()),
            metrics: Type.Record(Type.String(), Type.Unknown()),
            series: Type.Object({
              bucket: Type.String(),
              points: Type.Array(Type.Record(Type.String(), Type.Unknown())),
            }),
            agents: Type.Array(Type.Record(Type.String(), Type.Unknown())),
            queueNames: Type.Record(Type.String(), Type.String(), {
              description: "Each queue id's display name: the queues in force and any in the data.",
            }),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { from, to, facts, logs, context } = await select(ctx, request, request.query);
      const bucket = bucketSizeFor(from, to);
      const { queue, channel, language } = request.query;
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        filters: {
          ...(queue ? { queue } : {}),
          ...(channel ? { channel } : {}),
          ...(language ? { language } : {}),
        },
        metrics: computeHandoffMetrics(facts, context) as unknown as Record<string, unknown>,
        series: { bucket, points: handoffRateSeries(facts, from, to, bucket) },
        agents: (await agentRows(ctx, logs)) as unknown as Array<Record<string, unknown>>,
        queueNames: queueNames(ctx, facts),
      };
    },
  );

  app.get<{ Querystring: Static<typeof ExportQuery> }>(
    '/api/v1/analytics/export.csv',
    {
      schema: {
        summary: 'CSV: one row per conversation, the improvement items, or one row per agent',
        tags: ['analytics'],
        security: bearer,
        querystring: ExportQuery,
        response: { 200: Type.String(), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { from, facts, logs, context } = await select(ctx, request, request.query);
      const starts = new Map<string, number[]>();
      for (const f of context) {
        if (f.customerKey === null || f.startedAt === null) continue;
        starts.set(f.customerKey, [...(starts.get(f.customerKey) ?? []), Date.parse(f.startedAt)]);
      }
      const kind = request.query.kind;
      const body =
        kind === 'conversations'
          ? conversationsCsv(facts, (f) => recontacted(f, starts), ctx.queues.displayName)
          : kind === 'agents'
            ? agentsCsv(await agentRows(ctx, logs))
            : improvementsCsv(facts, ctx.queues.displayName);
      const day = from.toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="baton-${kind}-${day}.csv"`)
        .send(body);
    },
  );
}
