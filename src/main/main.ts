/**
 * The composition root: reads nothing itself but the resolved config, opens the store,
 * applies migrations, seeds the demo, loads the knowledge base and policy, and listens.
 */
import type { DnsResolver } from '../channels/email/email-authenticity.ts';
import { createClient } from '@redis/client';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { loggerOptions } from './logging/log-options.ts';
import type { DependencyHealth, EventBus } from '../bus/event-bus.ts';
import { createInProcessBus } from '../bus/in-process-bus.ts';
import { createRedisBus } from '../bus/redis-bus.ts';
import { createStore, type Store } from '../store/store.ts';
import { createPgNotifyTransport, loadChangeFrom } from '../store/pg-notify-transport.ts';
import { withPgSessionNotices } from '../store/pg-session-notices.ts';
import { withPgPresenceAnswers } from '../store/pg-presence.ts';
import { buildApp, type BuiltApp } from './build-app.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import { seedDemoAgents } from '../app/demo/demo-seed.ts';
import { isTestPasswordCost } from '../app/auth/password.ts';
import { createBotFor } from '../app/engines/create-bot.ts';
import { createKnowledgeSearch } from '../app/engines/knowledge-search.ts';
import {
  createKnowledgeBaseSource,
  type KnowledgeBaseSource,
} from '../app/engines/knowledge-base-source.ts';
import { createPolicyJudge } from '../app/engines/policy-judge.ts';
import { withLlmJudge } from '../app/engines/llm-judge.ts';
import type { EscalationJudge } from '../app/conversations/ports.ts';
import { createPolicySource } from '../app/engines/policy-source.ts';
import { queueCatalog } from '../app/routing/queue-catalog.ts';
import { startMetricsListener, type MetricsListener } from '../http/metrics-listener.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  /** The metrics listener's own address when `metrics.port` is set (metrics-listener.ts). */
  readonly metricsUrl: string | undefined;
  close(): Promise<void>;
}

export interface StartServerOptions {
  readonly config: ResolvedConfig;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  readonly databaseSchema?: string;
  readonly clock?: () => Date;
  /** Where the log goes instead of stdout (tests read it back). */
  readonly logStream?: DestinationStream;
  /** DNS for inbound email's SPF, DKIM and DMARC checks (tests answer it); omitted: the system's. */
  readonly dnsResolver?: DnsResolver;
}

export interface AssembledBaton {
  readonly built: BuiltApp;
  readonly store: Store;
}

/**
 * Everything but listening: store (migrated), knowledge base, policy, bot and app, with the
 * demo agents seeded when enabled. `startServer` listens on it; `baton demo-traffic` drives
 * it with a simulated clock.
 */
export async function assembleBaton(options: StartServerOptions): Promise<AssembledBaton> {
  const { config } = options;
  // Bound to the app's log once it exists; a broken connection never ends the process.
  let logBrokenConnection: (error: Error) => void = () => undefined;
  let logWalCheckpointer = (reason: string): void => console.warn(reason);
  const store = createStore({
    url: config.databaseUrl,
    ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
    onConnectionError: (error) => logBrokenConnection(error),
    walCheckpoint: { onStopped: (reason) => logWalCheckpointer(reason) },
  });
  // Closed here if start-up fails later, so a failed start leaves no folder watcher behind.
  let knowledgeBase: KnowledgeBaseSource | undefined;
  let policySource: ReturnType<typeof createPolicySource> | undefined;
  let bus: EventBus | undefined;
  // Once built, the app owns them all: closing it stops its background work and closes them.
  let builtApp: BuiltApp | undefined;
  let limitsRedis: ReturnType<typeof createClient> | undefined;
  let logLimits: (error: unknown) => void = () => undefined;
  try {
    const migrated = await store.migrate();
    if (migrated.error) throw migrated.error;
    let logReload: (message: string) => void = () => undefined;
    const kb = (knowledgeBase = await createKnowledgeBaseSource({
      dir: config.bot.knowledgeBaseDir,
      clock: options.clock ?? (() => new Date()),
      watch: true,
      onReload: (result) =>
        logReload(
          result.ok
            ? `knowledge base reloaded: ${result.articles} articles`
            : `knowledge base NOT reloaded, the last good articles stay in force:\n  - ${result.problems.join('\n  - ')}`,
        ),
    }));
    const policy = (policySource = createPolicySource({
      ...(config.policy.file ? { file: config.policy.file } : {}),
      knownQueues: queueCatalog(config.routing.queues).list.map((q) => q.id),
      clock: options.clock ?? (() => new Date()),
      watch: true,
      onReload: (result) =>
        logReload(
          result.ok
            ? `escalation policy reloaded: version ${result.version}`
            : `escalation policy NOT reloaded, the last good one stays in force:\n  - ${result.problems.join('\n  - ')}`,
        ),
    }));
    let logBus: (error: unknown) => void = () => undefined;
    let logLink: (health: DependencyHealth) => void = () => undefined;
    let logNotices: (error: unknown) => void = () => undefined;
    let logPresence: (error: unknown) => void = () => undefined;
    bus = config.redis.url
      ? await createRedisBus({
          url: config.redis.url,
          prefix: config.redis.channelPrefix,
          heartbeatMs: config.redis.heartbeatMs,
          onError: (error) => logBus(error),
          onLinkChange: (health) => logLink(health),
          // Nodes share PostgreSQL: it carries the changes while Redis cannot be reached.
          ...(store.engine === 'postgres'
            ? {
                fallback: {
                  transport: createPgNotifyTransport({
                    url: config.databaseUrl,
                    db: store.db,
                    prefix: config.redis.channelPrefix,
                    onError: (error) => logBus(error),
                  }),
                  loadChange: loadChangeFrom(store.conversations),
                },
              }
            : {}),
        })
      : store.engine === 'postgres'
        ? // Without Redis, `baton agents` still reaches this server through the database:
          // ended sessions, and whose inbox is open (agents list).
          await withPgPresenceAnswers(
            await withPgSessionNotices(createInProcessBus(), {
              url: config.databaseUrl,
              db: store.db,
              prefix: config.redis.channelPrefix,
              onError: (error) => logNotices(error),
            }),
            {
              url: config.databaseUrl,
              db: store.db,
              prefix: config.redis.channelPrefix,
              heartbeatMs: config.redis.heartbeatMs,
              onError: (error) => logPresence(error),
            },
          )
        : createInProcessBus();
    if (config.redis.url) {
      // The limits' own connection: while Redis is away its commands fail at once (no queue)
      // and each node counts in memory instead (src/app/limits/counters.ts).
      limitsRedis = createClient({ url: config.redis.url, disableOfflineQueue: true });
      limitsRedis.on('error', (error: unknown) => logLimits(error));
      await limitsRedis.connect();
    }
    let logFallback: (error: unknown) => void = () => undefined;
    let logJudge: (error: unknown) => void = () => undefined;
    const built = await buildApp({
      config,
      store,
      bus,
      judge: judgeFor(config, createPolicyJudge(policy), (error) => logJudge(error)),
      policy,
      bot: createBotFor(config, kb.engine, kb.article, (error) => logFallback(error)),
      knowledge: createKnowledgeSearch(kb.engine, kb.article),
      knowledgeBase: kb,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logStream ? { logger: loggerOptions(config.log.level, options.logStream) } : {}),
      ...(limitsRedis ? { limitsRedis } : {}),
      ...(options.dnsResolver ? { dnsResolver: options.dnsResolver } : {}),
    });
    builtApp = built;
    const { app } = built;
    logReload = (message) => app.log.warn(message);
    logWalCheckpointer = (reason) => app.log.error(reason);
    logBrokenConnection = (error) =>
      app.log.warn({ err: error }, 'PostgreSQL closed a connection; the pool opens a new one');
    logBus = (error) =>
      app.log.warn({ err: error }, 'Redis bus: a message was not delivered; clients resume by seq');
    logNotices = (error) =>
      app.log.warn(
        { err: error },
        'PostgreSQL session notices failed; open sockets still close at their session check',
      );
    logPresence = (error) =>
      app.log.warn({ err: error }, 'PostgreSQL presence answer failed; agents list may not see it');
    logLink = (health) =>
      health.up
        ? app.log.warn('Redis reachable again: back on pub/sub, sockets resynchronised')
        : app.log.error('Redis unreachable: degraded, changes travel through the database');
    const openBus = bus;
    app.addHook('onClose', () => openBus.close());
    const openLimits = limitsRedis;
    if (openLimits) app.addHook('onClose', () => openLimits.close());
    logLimits = (error) =>
      app.log.warn({ err: error }, 'Redis for the limits failed; this node counts alone');
    if (config.redis.url) app.log.info(`cluster bus: Redis (${config.redis.channelPrefix}:*)`);
    logJudge = (error) =>
      app.log.warn({ err: error }, 'the LLM judge failed; the local policy decided');
    logFallback = (error) =>
      app.log.warn({ err: error }, 'the LLM failed; the answer engine answered');
    app.log.info(`bot: ${config.bot.engine}`);
    if (isTestPasswordCost()) {
      app.log.warn('BATON_TEST_PASSWORD_COST=1: passwords are hashed at a test cost, not for use');
    }
    app.addHook('onClose', () => {
      policy.close();
      kb.close();
    });
    app.log.info(
      `escalation policy: version ${policy.status().version} from ${config.policy.file ?? 'the built-in default'}`,
    );
    if (config.demo.enabled) {
      const created = await seedDemoAgents(store, config.demo.agentPassword, new Date());
      // Never the password itself: logs are shipped and kept; the README names the default.
      for (const email of created) {
        app.log.info(
          `demo agent created: ${email}; its password is BATON_DEMO_PASSWORD (the README's demo password unless set)`,
        );
      }
    }
    app.log.info(
      `knowledge base: ${kb.status().articles} articles from ${config.bot.knowledgeBaseDir}`,
    );
    return { built, store };
  } catch (error) {
    // Built: its onClose hooks (registered at once after the build) close what it was given.
    if (builtApp) await builtApp.app.close();
    else {
      policySource?.close();
      knowledgeBase?.close();
      await bus?.close();
      if (limitsRedis?.isOpen) await limitsRedis.close();
    }
    await store.close();
    throw error;
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { built, store } = await assembleBaton(options);
  const { app } = built;
  const { metrics } = options.config;
  let metricsListener: MetricsListener | undefined;
  try {
    const address = await app.listen({
      host: options.config.server.host,
      port: options.config.server.port,
    });
    if (metrics.port !== undefined) {
      metricsListener = await startMetricsListener({
        host: metrics.host,
        port: metrics.port,
        token: metrics.token,
        registry: built.metricsRegistry,
        onError: (error) => app.log.error({ err: error }, 'reading the metrics failed'),
      });
      app.log.info(`metrics: ${metricsListener.url}/metrics (not on the public port)`);
    }
    const url = options.config.server.publicUrl ?? address.replace('127.0.0.1', 'localhost');
    const listener = metricsListener;
    return {
      app,
      store,
      url,
      metricsUrl: listener?.url,
      async close() {
        await listener?.close();
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await metricsListener?.close();
    await app.close();
    await store.close();
    throw error;
  }
}

/** The local policy, with the LLM judge beside it when one is configured. */
function judgeFor(
  config: ResolvedConfig,
  local: EscalationJudge,
  onError: (error: unknown) => void,
): EscalationJudge {
  const judge = config.policy.llmJudge;
  return judge ? withLlmJudge(local, { ...judge, onError }) : local;
}
