/**
 * The HTTP edge: a Fastify instance with Baton's plugins (errors, JSON bodies, OpenAPI, rate
 * limits, WebSockets, web security), and the function that mounts every route and socket on it.
 * Routes receive a RouteContext of application services; they parse, call, and map the result.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import { pickStreamProtocol } from '../app/auth/tokens.ts';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { WebhookReceiver } from '../app/background-work.ts';
import type { ChannelInbound } from '../app/channels/channel-inbound.ts';
import type { VoiceCalls } from '../app/channels/voice/voice-calls.ts';
import type { SharedRedis } from '../app/limits/counters.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import { BatonError } from '../core/errors/baton-error.ts';
import { frameworkErrors, registerErrorHandling } from './error-handler.ts';
import { registerJsonBodyParser } from './json-body-parser.ts';
import { redisRateLimitStore } from './rate-limit-store.ts';
import { registerAgentStream } from './realtime/agent-stream.ts';
import { registerCustomerStream } from './realtime/customer-stream.ts';
import type { RouteContext } from './route-context.ts';
import { registerAgentActions } from './routes/agent-actions.ts';
import { registerHistoryRoutes } from './routes/history-routes.ts';
import { registerContactNoteRoutes } from './routes/contact-note-routes.ts';
import { registerAnalyticsRoutes } from './routes/analytics-routes.ts';
import { registerForecastRoutes } from './routes/forecast-routes.ts';
import { registerAssistRoutes } from './routes/assist-routes.ts';
import { registerAccountSecurityRoutes } from './routes/account-security-routes.ts';
import { registerAgentAvatarRoutes } from './routes/agent-avatar-routes.ts';
import { registerTotpRoutes } from './routes/totp-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerOidcRoutes } from './routes/oidc-routes.ts';
import { registerCannedResponseRoutes } from './routes/canned-responses-routes.ts';
import { registerChannelMediaRoutes } from './routes/channel-media-routes.ts';
import { registerChannelWebhooks } from './routes/channel-webhooks.ts';
import { registerCreateConversation } from './routes/create-conversation.ts';
import { registerCsatRoutes } from './routes/csat-routes.ts';
import { registerCustomerPrivacyRoutes } from './routes/customer-privacy-routes.ts';
import { registerGetConversation } from './routes/get-conversation.ts';
import { registerHealth } from './routes/health.ts';
import { registerKnowledgeBaseRoutes } from './routes/knowledge-base-routes.ts';
import { registerListEvents } from './routes/list-events.ts';
import { registerMcpRoute } from './routes/mcp-route.ts';
import { registerMetricsRoute } from './routes/metrics-route.ts';
import { registerPolicyRoutes } from './routes/policy-routes.ts';
import { registerPostAttachment } from './routes/post-attachment.ts';
import { registerPostMessage } from './routes/post-message.ts';
import { registerQueueRoutes } from './routes/queue-routes.ts';
import { registerSupervisorRoutes } from './routes/supervisor-routes.ts';
import { registerTeamRoutes } from './routes/team-routes.ts';
import { registerWebhookLogRoutes } from './routes/webhook-log-routes.ts';
import { registerWhatsAppTemplateRoutes } from './routes/whatsapp-template-routes.ts';
import { registerVoiceLineRoutes } from './routes/voice-line-routes.ts';
import { registerCallBackRoute } from './routes/call-back-route.ts';
import { registerVoiceTokenRoute } from './routes/voice-token-route.ts';
import { registerWorkflowRoutes } from './routes/workflow-routes.ts';
import { registerWidgetStrings } from './routes/widget-strings-route.ts';
import { registerWidgetSettings } from './routes/widget-settings-route.ts';
import { registerTranscriptEmail } from './routes/transcript-email-route.ts';
import { registerWebSecurity } from './web-security.ts';

/** A Fastify instance with the plugins in place and no routes yet. */
export async function createHttpServer(
  config: ResolvedConfig,
  logger: FastifyServerOptions['logger'],
  /** With Redis, the nodes of a cluster count one client's requests together. */
  redis?: SharedRedis,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.limits.bodyMaxBytes,
    trustProxy: config.server.trustProxy,
    // Refuse unknown fields instead of silently dropping them, so a client's typo is visible.
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
  });
  registerErrorHandling(app);
  registerJsonBodyParser(app);
  // A POST without a body (curl -X POST …/claim) is an empty object, not a validation error.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Baton API', version: '1', description: 'Bot-to-human handoff server.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis
      ? {
          store: redisRateLimitStore(redis, config.redis.channelPrefix),
          // Redis away: each request passes rather than every client being refused.
          skipOnError: true,
        }
      : {}),
    // Thrown by the plugin; the error handler turns it into the usual error body.
    errorResponseBuilder: (_req, ctx) =>
      new BatonError(
        'RATE_LIMITED',
        `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`,
        { retryAfterMs: ctx.ttl },
      ),
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.limits.bodyMaxBytes, handleProtocols: pickStreamProtocol },
  });
  await registerWebSecurity(app, config);
  return app;
}

/** Where provider webhooks lead: each channel's receiver and the inbound pipeline. */
export interface ChannelWebhooks {
  readonly receivers: ReadonlyMap<string, WebhookReceiver>;
  readonly inbound: ChannelInbound;
  /** Twilio Voice's webhooks, when `channels.voice` is configured. */
  readonly voice?: VoiceCalls;
}

/** Mounts every route, both sockets, the provider webhooks, the OpenAPI document and the web apps. */
export async function registerHttpRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  channels: ChannelWebhooks,
): Promise<void> {
  registerHealth(app, ctx);
  registerCreateConversation(app, ctx);
  registerGetConversation(app, ctx);
  registerListEvents(app, ctx);
  registerPostMessage(app, ctx);
  await registerPostAttachment(app, ctx);
  registerAuthRoutes(app, ctx);
  await registerOidcRoutes(app, ctx);
  registerAccountSecurityRoutes(app, ctx);
  await registerAgentAvatarRoutes(app, ctx);
  registerTotpRoutes(app, ctx);
  registerAgentActions(app, ctx);
  registerHistoryRoutes(app, ctx);
  registerContactNoteRoutes(app, ctx);
  registerWorkflowRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerForecastRoutes(app, ctx);
  // With a metrics listener of its own, the public port has no /metrics (metrics-listener.ts).
  if (ctx.config.metrics.port === undefined) registerMetricsRoute(app, ctx);
  registerMcpRoute(app, ctx);
  registerCustomerPrivacyRoutes(app, ctx);
  registerSupervisorRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerCsatRoutes(app, ctx);
  registerWebhookLogRoutes(app, ctx);
  registerWhatsAppTemplateRoutes(app, ctx);
  registerChannelMediaRoutes(app, ctx);
  registerAssistRoutes(app, ctx);
  registerCannedResponseRoutes(app, ctx);
  registerQueueRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerKnowledgeBaseRoutes(app, ctx);
  registerVoiceTokenRoute(app, ctx);
  registerVoiceLineRoutes(app, ctx);
  registerCallBackRoute(app, ctx);
  registerWidgetStrings(app);
  registerWidgetSettings(app, ctx);
  registerTranscriptEmail(app, ctx);
  registerCustomerStream(app, ctx);
  registerAgentStream(app, ctx);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await registerWebApps(app, ctx.config.web.root);
  await registerChannelWebhooks(app, channels.receivers, channels.inbound, channels.voice);
}

/** Serves the built widget, inbox and demo page (`npm run build:web` writes them). */
async function registerWebApps(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = path.resolve(webRoot);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`no web build at ${root}: run \`npm run build:web\` for the widget and inbox`);
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply
        .type('text/plain')
        .send('Baton is running. The web apps are not built: run `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', redirect: true });
}
