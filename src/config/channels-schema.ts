/** The channels' part of the configuration (config-schema.ts): one object per provider. */
import { Type } from '@sinclair/typebox';

/** Messenger and Instagram apps have the same settings. */
const MetaApp = Type.Object(
  {
    appSecret: Type.String({ minLength: 1 }),
    verifyToken: Type.String({ minLength: 1 }),
    pageAccessToken: Type.String({ minLength: 1 }),
    apiBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
    botAppId: Type.Optional(
      Type.String({
        pattern: '^[0-9]+$',
        description:
          'Handover Protocol: the app id of the bot that owns threads by default. Baton keeps its ' +
          'standby messages as the transcript, takes over when it passes control, and passes ' +
          'control back when the conversation returns to the bot or is resolved.',
      }),
    ),
    handoverRole: Type.Optional(
      Type.Union([Type.Literal('primary'), Type.Literal('secondary')], {
        description:
          "Handover Protocol: Baton's app role on the Page. When the policy decides a handoff " +
          'on a standby message, a primary receiver takes the thread (take_thread_control), a ' +
          'secondary one asks the primary for it (request_thread_control). Default secondary: ' +
          'Meta describes the bot as the primary receiver and the live-agent inbox as secondary.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A WhatsApp template as approved in WhatsApp Manager; `preview` shows `{{1}}`-style slots. */
const WhatsAppTemplate = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9_]{1,512}$' }),
    language: Type.String({ minLength: 2, maxLength: 15 }),
    parameters: Type.Integer({ minimum: 0, maximum: 20, default: 0 }),
    preview: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

/** Email: inbound by SMTP listener and/or inbound-parse webhook, outbound by SMTP. */
const EmailChannel = Type.Object(
  {
    from: Type.String({
      minLength: 3,
      description: 'BATON_EMAIL_FROM, e.g. Acme <help@acme.test>.',
    }),
    messageIdDomain: Type.Optional(Type.String({ minLength: 1 })),
    smtpUrl: Type.Optional(
      Type.String({ pattern: '^smtps?://', description: 'BATON_EMAIL_SMTP_URL: outbound relay.' }),
    ),
    webhookUsername: Type.Optional(Type.String({ minLength: 1 })),
    webhookPassword: Type.Optional(Type.String({ minLength: 8 })),
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.String({ default: '0.0.0.0' }),
          port: Type.Integer({ minimum: 0, maximum: 65535, default: 2525 }),
          acceptFor: Type.String({
            minLength: 3,
            description: 'Comma-separated addresses or @domains mail is accepted for.',
          }),
          maxBytes: Type.Integer({ minimum: 1024, default: 10 * 1024 * 1024 }),
          authUsername: Type.Optional(Type.String({ minLength: 1 })),
          authPassword: Type.Optional(Type.String({ minLength: 8 })),
          tlsKeyFile: Type.Optional(Type.String({ minLength: 1 })),
          tlsCertFile: Type.Optional(Type.String({ minLength: 1 })),
          verifySender: Type.Boolean({
            default: true,
            description:
              'BATON_SMTP_VERIFY_SENDER: check SPF, DKIM and DMARC; failing mail links to no known customer.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Every channel is off until its keys are given. */
export const ChannelsSchema = Type.Object(
  {
    whatsapp: Type.Optional(
      Type.Object(
        {
          appSecret: Type.String({ minLength: 1 }),
          verifyToken: Type.String({ minLength: 1 }),
          accessToken: Type.String({ minLength: 1 }),
          apiBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
          templates: Type.Array(WhatsAppTemplate, {
            default: [],
            description: 'Approved message templates agents may send after the 24-hour window.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    telegram: Type.Optional(
      Type.Object(
        {
          botToken: Type.String({ minLength: 1 }),
          secretToken: Type.String({ pattern: '^[A-Za-z0-9_-]{1,256}$' }),
          apiBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    messenger: Type.Optional(MetaApp),
    instagram: Type.Optional(MetaApp),
    api: Type.Optional(
      Type.Object(
        {
          secret: Type.String({
            pattern: '^whsec_[A-Za-z0-9+/=]+$',
            description: 'BATON_API_CHANNEL_SECRET: signs both directions (Standard Webhooks).',
          }),
          webhookUrl: Type.String({
            minLength: 1,
            description: "BATON_API_CHANNEL_WEBHOOK_URL: where agents' replies go.",
          }),
          toleranceSeconds: Type.Optional(
            Type.Integer({ minimum: 1, description: 'Replay window (default 300).' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    email: Type.Optional(EmailChannel),
    voice: Type.Optional(
      Type.Object(
        {
          accountSid: Type.String({ minLength: 1 }),
          authToken: Type.String({
            minLength: 1,
            description: 'Verifies X-Twilio-Signature; the API password for calling agents.',
          }),
          publicBaseUrl: Type.String({
            minLength: 1,
            description: 'The origin Twilio calls, e.g. https://baton.example.com.',
          }),
          apiBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
          language: Type.String({
            pattern: '^[a-z]{2}(-[A-Z]{2})?$',
            default: 'en-US',
            description: 'What callers are greeted in and their speech is recognised as.',
          }),
          callerId: Type.Optional(
            Type.String({
              pattern: '^\\+[1-9][0-9]{6,14}$',
              description:
                'The Twilio number agents are called from (default: the number the customer called).',
            }),
          ),
          agentPhones: Type.Record(
            Type.String({ minLength: 3 }),
            Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }),
            {
              default: {},
              description:
                'Agent email → the phone Baton calls when they accept a call in the inbox (E.164).',
            },
          ),
          voicemailMaxSeconds: Type.Integer({ minimum: 10, maximum: 3600, default: 120 }),
          companyName: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 80,
              description:
                'Who a called-back customer hears is calling ("This is <companyName> calling back …"; default: the queue\'s team name).',
            }),
          ),
          browserClient: Type.Optional(
            Type.Object(
              {
                apiKeySid: Type.String({
                  pattern: '^SK[0-9a-fA-F]{32}$',
                  description: "The Twilio API key (SK…) that signs agents' Access Tokens.",
                }),
                apiKeySecret: Type.String({
                  minLength: 1,
                  description: "The API key's secret (HS256 key of the Access Tokens).",
                }),
                twimlAppSid: Type.Optional(
                  Type.String({
                    pattern: '^AP[0-9a-fA-F]{32}$',
                    description: 'A TwiML App for outgoing browser calls (none: incoming only).',
                  }),
                ),
              },
              {
                additionalProperties: false,
                description:
                  'Agents without a phone (in agentPhones or their profile) take calls in the browser (Twilio Voice SDK); any agent may choose it in their profile.',
              },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    sms: Type.Optional(
      Type.Object(
        {
          accountSid: Type.String({ minLength: 1 }),
          authToken: Type.String({
            minLength: 1,
            description: 'Verifies X-Twilio-Signature; the API password unless an API key is set.',
          }),
          publicBaseUrl: Type.String({ minLength: 1 }),
          apiBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
          apiKeySid: Type.Optional(
            Type.String({
              pattern: '^SK[0-9a-fA-F]{32}$',
              description:
                'With apiKeySecret: the API key replies are sent with (basic-auth user).',
            }),
          ),
          apiKeySecret: Type.Optional(Type.String({ minLength: 1 })),
          messagingServiceSid: Type.Optional(
            Type.String({
              pattern: '^MG[0-9a-fA-F]{32}$',
              description:
                'Send from this Messaging Service instead of the number the customer wrote to.',
            }),
          ),
          maxSegmentsPerMessage: Type.Optional(
            Type.Integer({
              minimum: 1,
              description: 'SMS segments per message (default 10); longer replies are split.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, default: {} },
);
