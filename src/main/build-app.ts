/**
 * Builds Baton from ready parts (store, bus, engines): constructs the store-backed services
 * (writer, conversation service, workflow, router, hub, owner presence, background work) and
 * hands them to the HTTP edge. No listening, no process-wide state: tests build as many apps
 * as they like, in-process or on real sockets.
 */
import type { AgentRecord } from '../core/records.ts';
import { scopeOf } from '../app/conversations/conversation-scope.ts';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { EventBus } from '../bus/event-bus.ts';
import type { Store } from '../store/store.ts';
import { AgentSessions } from '../app/auth/agent-sessions.ts';
import { OidcSignIn, type OidcSignInOptions } from '../app/auth/oidc-sign-in.ts';
import { AccountSecurity } from '../app/auth/account-security.ts';
import { TwoFactor } from '../app/auth/two-factor.ts';
import { Authenticator } from '../app/auth/authenticate.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import { CustomerAttachments } from '../app/conversations/customer-attachments.ts';
import { AgentAvatars } from '../app/team/agent-avatars.ts';
import { ConversationService } from '../app/conversations/conversation-service.ts';
import { ConversationHistoryService } from '../app/conversations/conversation-history.ts';
import { ContactNotes } from '../app/conversations/contact-notes.ts';
import { ConversationQueries } from '../app/conversations/conversation-queries.ts';
import { ConversationWriter } from '../app/conversations/conversation-writer.ts';
import { timerPolicy } from '../app/conversations/timer-policy.ts';
import { OwnerPresence } from '../app/routing/owner-presence.ts';
import type { BotResponder, EscalationJudge } from '../app/conversations/ports.ts';
import type { KnowledgeSearch } from '../app/engines/knowledge-search.ts';
import type { PolicySource } from '../app/engines/policy-source.ts';
import { AgentWorkflow } from '../app/conversations/agent-workflow.ts';
import { applyCommand, type CommandRequest } from '../app/conversations/apply-command.ts';
import { ConversationTools } from '../app/mcp/conversation-tools.ts';
import { RealtimeHub } from '../app/realtime/realtime-hub.ts';
import { startBackgroundWork } from '../app/background-work.ts';
import { startAbstractiveSummaries } from '../app/engines/abstractive-summary.ts';
import type { TimerRunner } from '../app/timers/timer-runner.ts';
import { queueCatalog } from '../app/routing/queue-catalog.ts';
import { RouterService } from '../app/routing/router-service.ts';
import { SupervisorDesk } from '../app/routing/supervisor-desk.ts';
import { teamCalendars } from '../app/routing/team-calendar.ts';
import { createPrometheusMetrics } from '../app/metrics/prometheus.ts';
import type { MetricsListenerOptions } from '../http/metrics-listener.ts';
import { startRetentionTimer } from '../app/privacy/retention-timer.ts';
import { CustomerPrivacy } from '../app/privacy/customer-privacy.ts';
import { CompactionWindow } from '../app/privacy/compaction-window.ts';
import { queueSlaMs } from '../app/routing/queue-sla.ts';
import { TeamAccounts } from '../app/team/team-accounts.ts';
import { TeamDirectory } from '../app/team/team-directory.ts';
import { WhatsAppSender } from '../app/channels/whatsapp-sender.ts';
import { WebhookDeliveryLog } from '../app/channels/webhook-delivery-log.ts';
import { AuditTrail } from '../app/audit/audit-trail.ts';
import { AgentVoiceLines } from '../app/channels/voice/agent-voice-lines.ts';
import { VoiceCallBack } from '../app/channels/voice/voice-call-back.ts';
import { HealthProbe } from '../app/health/health-probe.ts';
import { createLimits } from '../app/limits/limits.ts';
import { TranscriptRequests } from '../app/channels/email/transcript-email.ts';
import type { CounterRedis, SharedRedis } from '../app/limits/counters.ts';
import type { KnowledgeBaseSource } from '../app/engines/knowledge-base-source.ts';
import { createHttpServer, registerHttpRoutes } from '../http/http-server.ts';
import type { RouteContext } from '../http/route-context.ts';
import { loggerOptions } from './logging/log-options.ts';
import type { DnsResolver } from '../channels/email/email-authenticity.ts';

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
  /** A Redis connection for the limits the nodes share (src/app/limits); none: per node. */
  readonly limitsRedis?: CounterRedis;
  /** DNS for inbound email's SPF, DKIM and DMARC checks; omitted: the system's resolver. */
  readonly dnsResolver?: DnsResolver;
}

export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly service: ConversationService;
  readonly hub: RealtimeHub;
  readonly timers: TimerRunner;
  readonly workflow: AgentWorkflow;
  /**
   * The app-layer parts the demo traffic generator drives directly: the one writer and the
   * commands through the state machine. Never the store or the bus (docs/architecture.md).
   */
  readonly writer: ConversationWriter;
  readonly applyCommand: (id: string, request: CommandRequest) => ReturnType<typeof applyCommand>;
  /** What /metrics serves, for the metrics listener of its own (src/http/metrics-listener.ts). */
  readonly metricsRegistry: MetricsListenerOptions['registry'];
}

export async function buildApp(options: BuildAppOptions): Promise<BuiltApp> {
  const { config, store, bus } = options;
  const clock = options.clock ?? (() => new Date());
  // Shared limits count in memory while the bus finds Redis down (src/app/limits/counters.ts).
  const sharedRedis: SharedRedis | undefined = options.limitsRedis && {
    client: options.limitsRedis,
    isUp: () => (bus.health?.() ?? []).every((d) => d.dependency !== 'redis' || d.up),
  };
  const app = await createHttpServer(
    config,
    options.logger ?? loggerOptions(config.log.level),
    sharedRedis,
  );
  const limits = createLimits(
    config.limits,
    { prefix: config.redis.channelPrefix, ...(sharedRedis ? { redis: sharedRedis } : {}) },
    config.widget.transcriptEmail,
  );

  const hub = new RealtimeHub(bus);
  const queues = queueCatalog(config.routing.queues);
  const slaMsFor = queueSlaMs(config.routing);
  const calendarFor = teamCalendars(config, queues);
  const metrics = createPrometheusMetrics(bus, store, hub, clock);
  const writer = new ConversationWriter({
    store,
    bus,
    clock,
    policy: timerPolicy(config.routing, slaMsFor, queues.get, config.csat),
    onCommitTimed: (seconds) => metrics.observeCommit(seconds),
  });
  // Reading every handed-over conversation (inbox.agentsSee: all) is not acting on it.
  const writeScope = (agent: AgentRecord) => scopeOf(agent, queues);
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
    canEmail: Boolean(config.channels.email?.smtpUrl),
    writeScope,
  });
  const isConnected = (id: string) => hub.isConnected(id);
  const workflow = new AgentWorkflow({
    store,
    writer,
    clock,
    queues,
    settings: service.waitingSettings,
    isConnected,
    writeScope,
  });
  const audit = new AuditTrail({
    store,
    clock,
    onError: (error) => app.log.error({ err: error }, 'writing the audit log failed'),
  });
  const history = new ConversationHistoryService(store, queues, config.inbox.agentsSee);
  const twoFactor = new TwoFactor({
    store,
    clock,
    lockout: limits.login,
    audit,
    endSessions: (ended) => hub.endSessions(ended),
  });
  const sessions = new AgentSessions({
    store,
    clock,
    sessionTtlHours: config.auth.sessionTtlHours,
    lockout: limits.login,
    audit,
    endSessions: (ended) => hub.endSessions(ended),
    twoFactor,
    requireTotp: config.auth.requireTotp,
  });
  // PostgreSQL: the tables the server erased from are rewritten at the daily window.
  const compaction = new CompactionWindow({
    store,
    compactAt: config.privacy.compactAt,
    compactTimeZone: config.privacy.compactTimeZone,
    lockTimeoutMs: config.privacy.compactLockTimeoutMs,
    clock,
    log: app.log,
  });
  // The background work (its timer loop among it) needs nothing the routes hold, and is
  // started before them: what the routes build can ask the loop for a pass (a call back's
  // timer, due now) without a stand-in that would do nothing until it is bound. The loop
  // itself passes from onReady on.
  const background = await startBackgroundWork({
    config,
    store,
    bus,
    writer,
    service,
    hub,
    queues,
    clock,
    dnsResolver: options.dnsResolver,
    log: app.log,
  });
  // From here on, a failure (a route that cannot be registered) must not leave the work
  // just started running behind the error: its SMTP listener, intervals, bus subscriptions.
  try {
    app.decorate('smtpPort', background.smtpPort);
    const kickTimers = (): void => void background.timers.tick();
    const ctx: RouteContext = {
      config,
      writer,
      service,
      attachments: new CustomerAttachments({
        store,
        service,
        clock,
        limits: {
          maxBytes: config.limits.attachmentMaxBytes,
          types: config.limits.attachmentTypes,
        },
      }),
      avatars: new AgentAvatars({ store, clock }),
      conversations: new ConversationQueries(store),
      history,
      contactNotes: new ContactNotes(store, history, clock),
      auth: new Authenticator(store, clock, history, config.auth.requireTotp),
      sessions,
      oidc: oidcSignIn(config, { store, clock, sessions, audit }),
      audit,
      twoFactor,
      voiceLines: new AgentVoiceLines({ store, config: config.channels.voice, audit }),
      callBacks: new VoiceCallBack({
        config: config.channels.voice,
        store,
        writer,
        clock,
        kick: kickTimers,
      }),
      accountSecurity: new AccountSecurity({
        store,
        clock,
        lockout: limits.login,
        audit,
        endSessions: (ended) => hub.endSessions(ended),
      }),
      team: new TeamDirectory(store, isConnected),
      teamAccounts: new TeamAccounts({
        store,
        clock,
        releaseAll: (agent) => workflow.releaseAll(agent),
        kickRouter: () => ctx.router.kick(),
        endConnections: (agentId) => hub.endSessions({ agentId, reason: 'session ended' }),
      }),
      supervision: new SupervisorDesk({
        store,
        writer,
        clock,
        isConnected,
        queues,
        avgHandleMinutes: (queue) => service.handleTimes.minutesFor(queue),
      }),
      privacy: new CustomerPrivacy(store, compaction),
      whatsapp: new WhatsAppSender({
        store,
        bus,
        writer,
        clock,
        templates: config.channels.whatsapp?.templates ?? [],
        writeScope,
      }),
      webhookDeliveries: new WebhookDeliveryLog(store),
      health: new HealthProbe(store, bus, {
        clock,
        timerLagSeconds: config.health.timerLagSeconds,
      }),
      hub,
      limits,
      transcripts: new TranscriptRequests({
        store,
        limits: limits.transcripts,
        clock,
        available: Boolean(config.channels.email?.smtpUrl),
      }),
      clock,
      policy: options.policy,
      queues,
      slaMsFor,
      calendarFor,
      workflow,
      mcpTools: new ConversationTools({ store, writer, service, presence: hub, clock }),
      knowledge: options.knowledge,
      knowledgeBase: options.knowledgeBase,
      metrics,
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
        (presence) => {
          // The inbox shows what routing counts on, not what it read before the socket opened.
          if (presence) hub.tellPresence(id, presence);
          ctx.router.kick();
        },
        (error: unknown) => app.log.error({ err: error }, 'marking an agent online failed'),
      );
    };
    let ownerSweep: NodeJS.Timeout | null = null;
    await registerHttpRoutes(app, ctx, {
      receivers: background.webhookReceivers,
      inbound: background.inbound,
      ...(background.voice ? { voice: background.voice } : {}),
    });
    let stopRetention: () => Promise<void> = () => Promise.resolve();
    let stopCompaction: () => Promise<void> = () => Promise.resolve();
    app.addHook('onReady', async () => {
      background.timers.start();
      ctx.router.start();
      ownerSweep = setInterval(() => {
        owners
          .sweep()
          .catch((error: unknown) => app.log.error({ err: error }, 'owner sweep failed'));
      }, config.routing.passIntervalMs);
      const { retentionDays, retentionCheckMs } = config.privacy;
      if (retentionDays !== undefined) {
        stopRetention = startRetentionTimer({
          store,
          retentionDays,
          everyMs: retentionCheckMs,
          clock,
          log: app.log,
          compaction,
        });
      }
      if (config.privacy.compactWindow)
        stopCompaction = compaction.start(config.privacy.compactCheckMs);
    });
    app.addHook('onClose', async () => {
      await stopRetention();
      await stopCompaction();
      if (ownerSweep) clearInterval(ownerSweep);
      await background.stop();
      await ctx.router.stop();
      ctx.metrics.close();
      hub.close();
      await limits.close();
    });
    const { llm } = config.bot;
    if (llm.baseUrl && llm.model && llm.summaries) {
      const stop = startAbstractiveSummaries({
        baseUrl: llm.baseUrl,
        apiKey: llm.apiKey,
        model: llm.model,
        timeoutMs: llm.timeoutMs,
        store,
        bus,
        writer,
        clock,
        onError: (error) =>
          app.log.warn({ err: error }, 'the LLM summary failed; the extractive one stands'),
      });
      app.addHook('onClose', stop);
      app.log.info(`handoff summaries: abstractive by ${llm.model}, beside the extractive facts`);
    }
    return {
      app,
      service,
      hub,
      timers: background.timers,
      workflow: ctx.workflow,
      writer,
      applyCommand: (id, request) => applyCommand({ store, writer, clock }, id, request),
      metricsRegistry: metrics.registry,
    };
  } catch (error) {
    await background.stop();
    throw error;
  }
}

/** The OpenID Connect sign-in when `auth.oidc` is set; its callback defaults to publicUrl's. */
function oidcSignIn(
  config: ResolvedConfig,
  deps: Omit<OidcSignInOptions, 'settings'>,
): OidcSignIn | null {
  const oidc = config.auth.oidc;
  if (!oidc) return null;
  const redirectUri =
    oidc.redirectUri ?? `${(config.server.publicUrl ?? '').replace(/\/+$/, '')}/auth/oidc/callback`;
  return new OidcSignIn({ ...deps, settings: { ...oidc, redirectUri } });
}
