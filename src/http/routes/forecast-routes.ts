/**
 * GET /api/v1/analytics/forecast and …/forecast.csv (supervisors and admins): the agents needed
 * per hour of the week for a service-level target, from the event log of a range (default: the
 * last 28 days). docs/analytics.md, "The staffing forecast", says how it is computed.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  FORECAST_DEFAULT_DAYS,
  staffingForecastReport,
  type ForecastReport,
} from '../../app/metrics/staffing-forecast-report.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { DEFAULT_TARGET, forecastCsv } from '../../core/metrics/forecast/index.ts';
import type { RouteContext } from '../route-context.ts';
import { bearer, errors } from './schemas.ts';

const Query = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: `Default: ${FORECAST_DEFAULT_DAYS} days before \`to\`.`,
      }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now.' })),
    target: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        exclusiveMaximum: 1,
        description: 'Share of customers to answer in time. Default 0.8.',
      }),
    ),
    within: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 86_400, description: 'Seconds. Default 60.' }),
    ),
    concurrency: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 50,
        description: "Conversations per agent at once. Default: the team's median capacity.",
      }),
    ),
  },
  { additionalProperties: false },
);
type ForecastQuerystring = Static<typeof Query>;

const DAY_MS = 86_400_000;
/** A longer range than this is refused: a year of events is not read per request. */
const MAX_RANGE_DAYS = 92;

async function report(
  ctx: RouteContext,
  request: FastifyRequest,
  query: ForecastQuerystring,
): Promise<ForecastReport> {
  const agent = await ctx.auth.agent(request);
  if (agent.role === 'agent')
    throw new BatonError('FORBIDDEN', 'The staffing forecast is for supervisors and admins.');
  const to = query.to ? new Date(query.to) : ctx.clock();
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - FORECAST_DEFAULT_DAYS * DAY_MS);
  if (from >= to) throw new BatonError('VALIDATION_FAILED', '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new BatonError('VALIDATION_FAILED', `The range may span at most ${MAX_RANGE_DAYS} days.`);
  return staffingForecastReport(
    {
      logsBetween: (a, b, max) => ctx.conversations.logsBetween(a, b, max),
      agents: () => ctx.team.list(),
    },
    {
      from,
      to,
      target: {
        share: query.target ?? DEFAULT_TARGET.share,
        withinSeconds: query.within ?? DEFAULT_TARGET.withinSeconds,
      },
      concurrency: query.concurrency,
    },
  );
}

export function registerForecastRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: ForecastQuerystring }>(
    '/api/v1/analytics/forecast',
    {
      schema: {
        summary: 'Agents needed per hour of the week for a service-level target (Erlang A)',
        tags: ['analytics'],
        security: bearer,
        querystring: Query,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            conversationsRead: Type.Integer(),
            truncated: Type.Boolean(),
            concurrencyFrom: Type.String(),
            forecast: Type.Record(Type.String(), Type.Unknown()),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const r = await report(ctx, request, request.query);
      return { ...r, forecast: r.forecast as unknown as Record<string, unknown> };
    },
  );

  app.get<{ Querystring: ForecastQuerystring }>(
    '/api/v1/analytics/forecast.csv',
    {
      schema: {
        summary: 'The staffing forecast as CSV, one row per hour of the week',
        tags: ['analytics'],
        security: bearer,
        querystring: Query,
        response: { 200: Type.String(), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const r = await report(ctx, request, request.query);
      const day = r.from.slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="baton-forecast-${day}.csv"`)
        .send(forecastCsv(r.forecast));
    },
  );
}
