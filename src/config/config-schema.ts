/** The configuration's shape, defaults and documentation (one TypeBox schema). */
import { Type, type Static } from '@sinclair/typebox';
import { ChannelsSchema } from './channels-schema.ts';
import { OidcSchema } from './oidc-schema.ts';
import { BotSchema } from './bot-schema.ts';
import { LimitsSchema } from './limits-schema.ts';
import { RoutingSchema } from './routing-schema.ts';
import { WidgetSchema } from './widget-schema.ts';

const LogLevel = Type.Union(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
);

/** A saved reply for the inbox composer; variables are filled in by the inbox. */
const CannedResponse = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

const DEFAULT_CANNED_RESPONSES = [
  {
    title: 'Greeting',
    text: 'Hi {{customer.name}}, I am {{agent.name}} and I have read your conversation with our assistant. Let me take it from here.',
  },
  {
    title: 'Checking the order',
    text: 'Thanks for waiting, {{customer.name}}. I am looking at order {{fields.order_id}} now and will be back in a minute.',
  },
  {
    title: 'Refund on its way',
    text: 'I have issued the refund for order {{fields.order_id}}. It reaches your account within 5 business days.',
  },
  {
    title: 'Anything else?',
    text: 'Is there anything else I can help you with today, {{customer.name}}?',
  },
  {
    title: 'Closing',
    text: 'Thank you for contacting us, {{customer.name}}. Have a good day! — {{agent.name}}',
  },
];

export const ConfigSchema = Type.Object(
  {
    dataDir: Type.String({ minLength: 1, default: './data', description: 'BATON_DATA_DIR.' }),
    server: Type.Object(
      {
        host: Type.String({ default: '127.0.0.1', description: 'Address to listen on (HOST).' }),
        port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'PORT.' }),
        publicUrl: Type.Optional(
          Type.String({ description: 'Base URL customers and agents reach (BATON_PUBLIC_URL).' }),
        ),
        // Fastify's trustProxy. A list of the proxies' addresses (or CIDRs) takes the client
        // from the right of X-Forwarded-For, skipping the listed proxies only, so a client
        // cannot choose its own address by sending the header; `true` trusts every hop and
        // takes the leftmost entry, which the client wrote. (Fastify ignores hop counts.)
        trustProxy: Type.Union(
          [Type.Boolean(), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })],
          {
            default: false,
            description:
              'BATON_TRUST_PROXY: trust X-Forwarded-* from these proxy addresses/CIDRs, or (true) from anyone.',
          },
        ),
        widgetOrigins: Type.Array(Type.String({ pattern: '^(\\*|https?://[^/\\s]+)$' }), {
          default: [],
          description:
            'BATON_WIDGET_ORIGINS: sites (scheme://host[:port]) whose pages may embed the widget and call the API.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    database: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            minLength: 1,
            description:
              'DATABASE_URL: a SQLite path or postgres:// URL (default: <dataDir>/baton.db).',
          }),
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    redis: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            pattern: '^rediss?://',
            description: 'REDIS_URL: set it to run several Baton nodes on one PostgreSQL.',
          }),
        ),
        channelPrefix: Type.String({
          minLength: 1,
          pattern: '^[A-Za-z0-9:_-]+$',
          default: 'baton',
          description: 'BATON_REDIS_PREFIX: pub/sub channel names start with it.',
        }),
        heartbeatMs: Type.Integer({
          minimum: 100,
          default: 5000,
          description:
            'BATON_REDIS_HEARTBEAT_MS: how often a node announces its sockets and pings Redis; a node silent for three is forgotten.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    limits: LimitsSchema,
    auth: Type.Object(
      {
        sessionTtlHours: Type.Number({ exclusiveMinimum: 0, default: 12 }),
        sessionCheckMs: Type.Integer({
          minimum: 50,
          default: 30_000,
          description:
            'BATON_SESSION_CHECK_MS: how often an open inbox socket checks that its session is still valid (closed with 4401 when not).',
        }),
        requireTotp: Type.Boolean({
          default: false,
          description:
            'BATON_REQUIRE_TOTP: accounts without two-factor log-in may only set it up (403 TOTP_ENROLMENT_REQUIRED elsewhere).',
        }),
        passwordLogin: Type.Boolean({
          default: true,
          description: 'BATON_PASSWORD_LOGIN: false leaves sign-in to auth.oidc only.',
        }),
        oidc: Type.Optional(OidcSchema),
      },
      { additionalProperties: false, default: {} },
    ),
    demo: Type.Object(
      {
        enabled: Type.Boolean({ default: true, description: 'Seed demo agents (BATON_DEMO).' }),
        agentPassword: Type.String({ minLength: 8, default: 'baton-demo' }),
      },
      { additionalProperties: false, default: {} },
    ),
    bot: BotSchema,
    mcp: Type.Object(
      {
        token: Type.Optional(
          Type.String({
            minLength: 24,
            description:
              'BATON_MCP_TOKEN: the bearer token of the MCP endpoint (/mcp); without it the endpoint is off.',
          }),
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    policy: Type.Object(
      {
        file: Type.Optional(Type.String({ minLength: 1, description: 'BATON_POLICY_FILE.' })),
        llmJudge: Type.Optional(
          Type.Object(
            {
              baseUrl: Type.String({ minLength: 1 }),
              apiKey: Type.String({ default: 'not-needed' }),
              model: Type.String({ minLength: 1 }),
              timeoutMs: Type.Integer({ minimum: 50, default: 1500 }),
              minConfidence: Type.Number({ minimum: 0, maximum: 1, default: 0.8 }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    routing: RoutingSchema,
    csat: Type.Object(
      {
        botOnlySample: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.2,
          description:
            'BATON_CSAT_BOT_ONLY_SAMPLE: the share (0 to 1) of conversations the bot handles alone that are asked for a rating, chosen by conversation id.',
        }),
        botQuietSeconds: Type.Integer({
          minimum: 1,
          default: 300,
          description:
            'BATON_CSAT_BOT_QUIET_SECONDS: a sampled bot-only conversation is asked this long after the bot last answered (at once after a goodbye or a thank-you).',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    timers: Type.Object(
      {
        intervalMs: Type.Integer({
          minimum: 10,
          default: 1000,
          description: 'BATON_TIMER_INTERVAL_MS.',
        }),
        leaseMs: Type.Integer({ minimum: 1000, default: 30000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    channels: ChannelsSchema,
    webhooks: Type.Object(
      {
        url: Type.Optional(
          Type.String({
            minLength: 1,
            description: 'BATON_WEBHOOK_URL: where conversation events go.',
          }),
        ),
        secret: Type.Optional(
          Type.String({
            pattern: '^whsec_[A-Za-z0-9+/=]+$',
            description: 'BATON_WEBHOOK_SECRET (Standard Webhooks).',
          }),
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    privacy: Type.Object(
      {
        retentionDays: Type.Optional(
          Type.Integer({
            minimum: 1,
            description:
              'BATON_RETENTION_DAYS: erase conversations closed longer ago than this, on a timer.',
          }),
        ),
        retentionCheckMs: Type.Integer({
          minimum: 50,
          default: 3_600_000,
          description: 'BATON_RETENTION_CHECK_MS: how often the retention timer runs.',
        }),
        compactAt: Type.String({
          pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
          default: '03:30',
          description:
            'BATON_COMPACT_AT: PostgreSQL only, HH:MM on the clock of privacy.compactTimeZone (UTC by default): the daily window in which the tables the server erased from are rewritten (VACUUM FULL) so the erased bytes leave their files.',
        }),
        compactTimeZone: Type.String({
          minLength: 1,
          default: 'UTC',
          description:
            'BATON_COMPACT_TIME_ZONE: the IANA zone of privacy.compactAt, e.g. Europe/Berlin (local time across daylight saving).',
        }),
        compactWindow: Type.Boolean({
          default: true,
          description:
            'BATON_COMPACT_WINDOW: false, and this node never runs the window itself (another node, `baton compact` from cron or POST /api/v1/privacy/compact does); erasures still wait for privacy.compactAt.',
        }),
        compactLockTimeoutMs: Type.Integer({
          minimum: 10,
          maximum: 600_000,
          default: 5_000,
          description:
            "BATON_COMPACT_LOCK_TIMEOUT_MS: how long the window's VACUUM FULL waits for a table's lock before leaving it to the next window (writers queue behind it meanwhile).",
        }),
        compactCheckMs: Type.Integer({
          minimum: 50,
          default: 60_000,
          description:
            'BATON_COMPACT_CHECK_MS: how often a node looks whether the window has come.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    identity: Type.Object(
      {
        secret: Type.Optional(
          Type.String({
            minLength: 16,
            description:
              'BATON_IDENTITY_SECRET: shared with the host site, which signs visitors (userHash or identityToken).',
          }),
        ),
        require: Type.Boolean({
          default: false,
          description:
            'BATON_IDENTITY_REQUIRE: refuse widget and API customers that come without a signature.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    health: Type.Object(
      {
        timerLagSeconds: Type.Integer({
          minimum: 1,
          default: 60,
          description:
            'BATON_READY_TIMER_LAG_SECONDS: /readyz fails while a due timer has waited longer than this.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    metrics: Type.Object(
      {
        token: Type.Optional(
          Type.String({
            minLength: 16,
            description: 'BATON_METRICS_TOKEN: bearer token required on /metrics.',
          }),
        ),
        port: Type.Optional(
          Type.Integer({
            minimum: 0,
            maximum: 65535,
            description:
              'BATON_METRICS_PORT: serve /metrics on a listener of its own at this port (and never on the public one).',
          }),
        ),
        host: Type.String({
          default: '127.0.0.1',
          description:
            'BATON_METRICS_HOST: the address the metrics listener binds (with metrics.port).',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    inbox: Type.Object(
      {
        agentsSee: Type.Union([Type.Literal('their_queues'), Type.Literal('all')], {
          default: 'their_queues',
          description:
            'BATON_AGENTS_SEE: what agents may read. their_queues: what waits in their queues, is theirs or they took part in; all: also every conversation handed over to a person (read only). Never a conversation only the bot has had; supervisors and admins see all.',
        }),
        cannedResponses: Type.Array(CannedResponse, {
          default: DEFAULT_CANNED_RESPONSES,
          description: 'Saved replies for the inbox composer, with `{{customer.name}}` variables.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    widget: WidgetSchema,
    web: Type.Object(
      { root: Type.String({ minLength: 1, default: 'dist/web' }) },
      { additionalProperties: false, default: {} },
    ),
    log: Type.Object(
      { level: Type.Union(LogLevel.anyOf, { default: 'info' }) },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export type BatonConfig = Static<typeof ConfigSchema>;
