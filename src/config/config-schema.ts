/** The configuration's shape, defaults and documentation (one TypeBox schema). */
import { Type, type Static } from '@sinclair/typebox';
import { QueueConfigSchema } from '../core/routing/queue-config.ts';
import { ChannelsSchema } from './channels-schema.ts';
import { OidcSchema } from './oidc-schema.ts';

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
    limits: Type.Object(
      {
        messageMaxChars: Type.Integer({ minimum: 1, default: 4000 }),
        bodyMaxBytes: Type.Integer({ minimum: 1024, default: 65536 }),
        publicRequestsPerMinute: Type.Integer({ minimum: 1, default: 120 }),
        attachmentMaxBytes: Type.Integer({
          minimum: 1,
          default: 10 * 1024 * 1024,
          description:
            'BATON_ATTACHMENT_MAX_BYTES: the largest file a customer may send from the web widget.',
        }),
        attachmentTypes: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), {
          minItems: 1,
          default: [
            'image/png',
            'image/jpeg',
            'image/gif',
            'image/webp',
            'application/pdf',
            'text/plain',
          ],
          description:
            'BATON_ATTACHMENT_TYPES: the file types the widget accepts, as read from the bytes (not as declared).',
        }),
        conversationMessages: Type.Integer({
          minimum: 1,
          default: 10,
          description:
            'BATON_CONVERSATION_MESSAGES: messages one side (customer, agents) of a conversation may send per window, socket and HTTP together.',
        }),
        conversationMessagesSeconds: Type.Integer({
          minimum: 1,
          default: 10,
          description:
            'BATON_CONVERSATION_MESSAGES_SECONDS: the window of `conversationMessages`, in seconds.',
        }),
        socketFrames: Type.Integer({
          minimum: 1,
          default: 30,
          description:
            'BATON_SOCKET_FRAMES: frames (of any kind) one socket may send per `socketFramesSeconds`.',
        }),
        socketFramesSeconds: Type.Integer({ minimum: 1, default: 10 }),
        refusedFramesBeforeClose: Type.Integer({
          minimum: 1,
          default: 20,
          description:
            'A socket whose frames were refused this many times within a minute is closed (1008).',
        }),
        socketsPerConversation: Type.Integer({
          minimum: 1,
          default: 5,
          description:
            'BATON_SOCKETS_PER_CONVERSATION: open customer sockets per conversation token.',
        }),
        socketsPerIp: Type.Integer({
          minimum: 1,
          default: 50,
          description: 'BATON_SOCKETS_PER_IP: open customer sockets per client address.',
        }),
        socketsPerAgentSession: Type.Integer({
          minimum: 1,
          default: 5,
          description:
            'BATON_SOCKETS_PER_AGENT_SESSION: open inbox sockets per agent session token.',
        }),
        loginFailures: Type.Integer({
          minimum: 1,
          default: 5,
          description:
            'BATON_LOGIN_FAILURES: wrong passwords for one email within `loginFailureMinutes` that lock it.',
        }),
        loginFailureMinutes: Type.Integer({ minimum: 1, default: 15 }),
        loginLockSeconds: Type.Integer({
          minimum: 1,
          default: 60,
          description:
            'BATON_LOGIN_LOCK_SECONDS: the first lock; each further lock within a day doubles it.',
        }),
        loginMaxLockSeconds: Type.Integer({ minimum: 1, default: 3600 }),
      },
      { additionalProperties: false, default: {} },
    ),
    auth: Type.Object(
      {
        sessionTtlHours: Type.Number({ exclusiveMinimum: 0, default: 12 }),
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
    bot: Type.Object(
      {
        name: Type.String({ minLength: 1, default: 'Northwind Assistant' }),
        knowledgeBaseDir: Type.String({ minLength: 1, default: 'kb/demo' }),
        engine: Type.Union(
          [Type.Literal('kb'), Type.Literal('llm'), Type.Literal('external'), Type.Literal('rasa')],
          { default: 'kb', description: 'BATON_BOT_ENGINE: who answers before the handoff.' },
        ),
        llm: Type.Object(
          {
            baseUrl: Type.Optional(Type.String({ minLength: 1 })),
            apiKey: Type.String({ default: 'not-needed' }),
            model: Type.Optional(Type.String({ minLength: 1 })),
            timeoutMs: Type.Integer({ minimum: 100, default: 8000 }),
            summaries: Type.Boolean({
              default: true,
              description:
                'BATON_LLM_SUMMARIES: with an LLM configured, add an abstractive summary to each handoff packet.',
            }),
          },
          { additionalProperties: false, default: {} },
        ),
        external: Type.Object(
          {
            url: Type.Optional(Type.String({ minLength: 1 })),
            secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]+$' })),
            timeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
          },
          { additionalProperties: false, default: {} },
        ),
        rasa: Type.Object(
          {
            url: Type.Optional(
              Type.String({
                pattern: '^https?://',
                description: 'BATON_RASA_URL: the Rasa server, e.g. http://rasa:5005.',
              }),
            ),
            token: Type.Optional(
              Type.String({
                minLength: 1,
                description: 'BATON_RASA_TOKEN: sent as a bearer token (for a proxy before Rasa).',
              }),
            ),
            timeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
            handoffPayload: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description:
                  'A button payload (e.g. /human_handoff) that hands over when pressed, without asking Rasa.',
              }),
            ),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
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
    routing: Type.Object(
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
    ),
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
      },
      { additionalProperties: false, default: {} },
    ),
    inbox: Type.Object(
      {
        cannedResponses: Type.Array(CannedResponse, {
          default: DEFAULT_CANNED_RESPONSES,
          description: 'Saved replies for the inbox composer, with `{{customer.name}}` variables.',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
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
