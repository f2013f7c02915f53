/**
 * Builds the Fastify application from ready parts (store, bus, engines). No listening, no
 * process-wide state: tests build as many apps as they like, in-process or on real sockets.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { EventBus } from '../bus/event-bus.ts';
import type { Store } from '../store/store.ts';
import { Authenticator } from '../app/auth/authenticate.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import { ConversationService } from '../app/conversations/conversation-service.ts';
import { ConversationWriter } from '../app/conversations/conversation-writer.ts';
import { timerPolicy } from '../app/conversations/timer-policy.ts';
import { OwnerPresence } from '../app/routing/owner-presence.ts';
import type { BotResponder, EscalationJudge } from '../app/conversations/ports.ts';
import type { KnowledgeSearch } from '../app/engines/knowledge-search.ts';
import type { PolicySource } from '../app/engines/policy-source.ts';
import { AgentWorkflow } from '../app/conversations/agent-workflow.ts';
import { BatonError } from '../core/errors/baton-error.ts';
import { frameworkErrors, registerErrorHandling } from '../http/error-handler.ts';
import { registerJsonBodyParser } from '../http/json-body-parser.ts';
import { registerAgentStream } from '../http/realtime/agent-stream.ts';
import { registerCustomerStream } from '../http/realtime/customer-stream.ts';
import { RealtimeHub } from '../app/realtime/realtime-hub.ts';
import type { RouteContext } from '../http/route-context.ts';
import { startBackgroundWork } from '../app/background-work.ts';
import type { TimerRunner } from '../app/timers/timer-runner.ts';
import { queueCatalog } from '../app/routing/queue-catalog.ts';
import { RouterService } from '../app/routing/router-service.ts';
import { teamCalendars } from '../app/routing/team-calendar.ts';
import { createPrometheusMetrics } from '../app/metrics/prometheus.ts';
import { registerAgentActions } from '../http/routes/agent-actions.ts';
import { registerAnalyticsRoutes } from '../http/routes/analytics-routes.ts';
import { registerMetricsRoute } from '../http/routes/metrics-route.ts';
import { registerCustomerPrivacyRoutes } from '../http/routes/customer-privacy-routes.ts';
import { startRetentionTimer } from '../app/privacy/retention-timer.ts';
import { registerSupervisorRoutes } from '../http/routes/supervisor-routes.ts';
import { registerTeamRoutes } from '../http/routes/team-routes.ts';
import { queueSlaMs } from '../app/routing/queue-sla.ts';
import { registerCsatRoutes } from '../http/routes/csat-routes.ts';
import { registerWebhookLogRoutes } from '../http/routes/webhook-log-routes.ts';
import { registerWhatsAppTemplateRoutes } from '../http/routes/whatsapp-template-routes.ts';
import { registerChannelMediaRoutes } from '../http/routes/channel-media-routes.ts';
import { registerAssistRoutes } from '../http/routes/assist-routes.ts';
import { registerCannedResponseRoutes } from '../http/routes/canned-responses-routes.ts';
import { registerQueueRoutes } from '../http/routes/queue-routes.ts';
import { registerWorkflowRoutes } from '../http/routes/workflow-routes.ts';
import { registerAuthRoutes } from '../http/routes/auth-routes.ts';
import { registerCreateConversation } from '../http/routes/create-conversation.ts';
import { registerGetConversation } from '../http/routes/get-conversation.ts';
import { registerHealth } from '../http/routes/health.ts';
import { registerListEvents } from '../http/routes/list-events.ts';
import { registerPolicyRoutes } from '../http/routes/policy-routes.ts';
import { registerKnowledgeBaseRoutes } from '../http/routes/knowledge-base-routes.ts';
import { registerWebSecurity } from '../http/web-security.ts';
import { loggerOptions } from './logging/log-options.ts';
import type { KnowledgeBaseSource } from '../app/engines/knowledge-base-source.ts';
import { registerPostMessage } from '../http/routes/post-message.ts';

export interface BuildAppOptions {
  readonly config: ResolvedConfig;
  readonly store: Store;
  readonly bus: EventBus;
  readonly judge: EscalationJudge;
  readonly bot: BotResponder;
  readonly policy: PolicySource;
  readonly knowledge: KnowledgeSearch;
  readonly knowledgeBase: KnowledgeBaseSource;
  readonly clock?: () => Date;
  readonly logger?: FastifyServerOptions['logger'];
}

export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly service: ConversationService;
  readonly hub: RealtimeHub;
  readonly timers: TimerRunner;
  readonly workflow: AgentWorkflow;
  /** The parts the demo traffic generator drives directly. */
  readonly deps: {
    readonly store: Store;
    readonly bus: EventBus;
    readonly writer: ConversationWriter;
    readonly clock: () => Date;
  };
}

export async function buildApp(options: BuildAppOptions): Promise<BuiltApp> {
  const { config, store, bus } = options;
  const clock = options.clock ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.log.level),
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
    // Thrown by the plugin; the error handler turns it into the usual error body.
    errorResponseBuilder: (_req, ctx) =>
      new BatonError('RATE_LIMITED', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: config.limits.bodyMaxBytes } });
  await registerWebSecurity(app, config);

  const hub = new RealtimeHub(bus);
  const queues = queueCatalog(config.routing.queues);
  const slaMsFor = queueSlaMs(config.routing);
  const calendarFor = teamCalendars(config, queues);
  const writer = new ConversationWriter({
    store,
    bus,
    clock,
    policy: timerPolicy(config.routing, slaMsFor, queues.get),
  });
  const service = new ConversationService({
    store,
    bus,
    writer,
    judge: options.judge,
    bot: options.bot,
    presence: hub,
    clock,
    botName: config.bot.name,
    messageMaxChars: config.limits.messageMaxChars,
    slaMsFor,
    averageHandleMinutes: config.routing.averageHandleMinutes,
    queueSettings: config.routing,
    queues,
    calendarFor,
    onBackgroundError: (error) => app.log.error({ err: error }, 'bot turn failed'),
  });
  const ctx: RouteContext = {
    config,
    store,
    writer,
    service,
    auth: new Authenticator(store, clock),
    hub,
    clock,
    policy: options.policy,
    queues,
    slaMsFor,
    calendarFor,
    workflow: new AgentWorkflow({
      store,
      writer,
      clock,
      queues,
      settings: service.waitingSettings,
      isConnected: (id) => hub.isConnected(id),
    }),
    knowledge: options.knowledge,
    knowledgeBase: options.knowledgeBase,
    bus,
    metrics: createPrometheusMetrics(bus, store, hub),
    router: new RouterService({
      store,
      bus,
      writer,
      alertAfterRounds: config.routing.deadEnds.offerRoundsBeforeAlert,
      roundPauseMs: config.routing.deadEnds.offerRoundPauseSeconds * 1000,
      clock,
      queues: queues.list,
      isConnected: (id) => hub.isConnected(id),
      intervalMs: config.routing.passIntervalMs,
      log: app.log,
    }),
  };
  // Presence follows the inbox socket (src/app/routing/owner-presence.ts).
  const owners = new OwnerPresence({
    store,
    clock,
    isConnected: (id) => hub.isConnected(id),
    graceMs: config.routing.deadEnds.ownerGoneSeconds * 1000,
    release: (agent) => ctx.workflow.releaseAll(agent, 'agent_disconnected'),
  });
  hub.onAgentConnected = (id) => {
    owners.connected(id).then(
      () => ctx.router.kick(),
      (error: unknown) => app.log.error({ err: error }, 'marking an agent online failed'),
    );
  };
  let ownerSweep: NodeJS.Timeout | null = null;

  registerHealth(app, ctx);
  registerCreateConversation(app, ctx);
  registerGetConversation(app, ctx);
  registerListEvents(app, ctx);
  registerPostMessage(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAgentActions(app, ctx);
  registerWorkflowRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerMetricsRoute(app, ctx);
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
  registerCustomerStream(app, ctx);
  registerAgentStream(app, ctx);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await registerWebApps(app, config.web.root);
  const background = await startBackgroundWork(app, ctx);
  let stopRetention: () => Promise<void> = () => Promise.resolve();
  app.addHook('onReady', async () => {
    background.timers.start();
    ctx.router.start();
    ownerSweep = setInterval(() => {
      owners.sweep().catch((error: unknown) => app.log.error({ err: error }, 'owner sweep failed'));
    }, config.routing.passIntervalMs);
    const { retentionDays, retentionCheckMs } = config.privacy;
    if (retentionDays !== undefined) {
      stopRetention = startRetentionTimer({
        store,
        retentionDays,
        everyMs: retentionCheckMs,
        clock,
        log: app.log,
      });
    }
  });
  app.addHook('onClose', async () => {
    await stopRetention();
    if (ownerSweep) clearInterval(ownerSweep);
    await background.stop();
    await ctx.router.stop();
    ctx.metrics.close();
    hub.close();
  });
  return {
    app,
    service,
    hub,
    timers: background.timers,
    workflow: ctx.workflow,
    deps: { store, bus, writer, clock },
  };
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
