/**
 * Everything that runs besides requests: the timer loop and its handlers (SLA, offers,
 * abandonment, follow-ups, the channel and webhook outboxes), the outbox queueing on the
 * bus, and the provider webhooks that feed channel conversations in.
 */
import {
  handlePassThreadBack,
  PASS_BACK_TIMER,
  queuePassThreadBack,
} from './channels/pass-thread-back.ts';
import { createApiAdapter, type ChannelAdapter } from '../channels/index.ts';
import { ChannelInbound } from './channels/channel-inbound.ts';
import { handleTakeThreadControl, TAKE_THREAD_TIMER } from './channels/take-thread-control.ts';
import { ChannelTyping } from './channels/channel-typing.ts';
import { VoiceCalls } from './channels/voice/voice-calls.ts';
import { handleCallBack, VOICE_CALL_BACK_TIMER } from './channels/voice/voice-call-back.ts';
import {
  handleAgentCall,
  queueAgentCalls,
  VOICE_AGENT_CALL_TIMER,
  type VoiceAgentCallDeps,
} from './channels/voice/voice-agent-call.ts';
import {
  handleChannelSend,
  queueOutboundMessages,
  SEND_TIMER,
} from './channels/channel-outbound.ts';
import { createAdapters } from './channels/create-adapters.ts';
import {
  handleOutgoingWebhook,
  queueOutgoingWebhooks,
  WEBHOOK_TIMER,
} from './channels/outgoing-webhooks.ts';
import type { EventBus } from '../bus/event-bus.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import type { Store } from '../store/store.ts';
import type { ConversationService } from './conversations/conversation-service.ts';
import type { ConversationWriter } from './conversations/conversation-writer.ts';
import type { RealtimeHub } from './realtime/realtime-hub.ts';
import type { QueueCatalog } from './routing/queue-catalog.ts';
import { startEmailChannel, type EmailChannelDeps } from './channels/email/start-email-channel.ts';
import {
  BOT_SURVEY_TIMER,
  FOLLOW_UP_TIMER,
  INACTIVITY_TIMER,
  OFFER_TIMER,
  PROMISE_TIMER,
  REPLY_DUE_TIMER,
  SLA_TIMER,
} from '../core/conversation/timer-kinds.ts';
import { handleReplyDue } from './timers/reply-due.ts';
import { handlePromiseDue } from './timers/promise-due.ts';
import { teamAvailability } from './conversations/team-availability.ts';
import { handleOfferExpiry } from './routing/offer-expiry.ts';
import { handleInactivity, watchCustomerPresence } from './timers/abandonment.ts';
import { handleFollowUp } from './timers/follow-up.ts';
import { handleBotSurvey } from './timers/bot-survey.ts';
import { handleSlaBreach } from './timers/sla-breach.ts';
import { EstimateUpdates } from './timers/estimate-updates.ts';
import { TimerRunner, type TimerRunnerOptions } from './timers/timer-runner.ts';

/** How often SQLite's search index takes in the messages stored since (migration 026). */
const SEARCH_INDEX_INTERVAL_MS = 5_000;

/** What a webhook needs of an adapter: email's replies are mail, not HTTP, but it receives alike. */
export type WebhookReceiver = Pick<ChannelAdapter<unknown, never>, 'channel' | 'receive'>;

export interface BackgroundWorkDeps {
  readonly config: ResolvedConfig;
  readonly store: Store;
  readonly bus: EventBus;
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly hub: RealtimeHub;
  readonly queues: QueueCatalog;
  readonly clock: () => Date;
  /** DNS for the SMTP listener's SPF, DKIM and DMARC checks; omitted: the system's. */
  readonly dnsResolver?: EmailChannelDeps['dnsResolver'];
  /** The server's log (pino); email and the timer loop report through it. */
  readonly log: EmailChannelDeps['log'] & TimerRunnerOptions['log'];
}

export interface BackgroundWork {
  readonly timers: TimerRunner;
  /** Provider webhooks by channel name (the HTTP edge mounts them), and where they lead. */
  readonly webhookReceivers: ReadonlyMap<string, WebhookReceiver>;
  readonly inbound: ChannelInbound;
  /** Twilio Voice's calls, when `channels.voice` is configured. */
  readonly voice: VoiceCalls | undefined;
  /** The SMTP listener's port when inbound email listens (tests read it). */
  readonly smtpPort: number | undefined;
  stop(): Promise<void>;
}

export async function startBackgroundWork(ctx: BackgroundWorkDeps): Promise<BackgroundWork> {
  const { store, bus, clock, hub, service, writer, log } = ctx;
  const adapters = createAdapters(ctx.config, clock);
  // The timer loop is built last, from the handlers of everything below; each of those asks
  // it for a pass (`kick`) once it exists. Until then nothing is lost: what was queued waits
  // in the database for the loop's first pass.
  const loop: { timers?: TimerRunner } = {};
  const kick = (): void => void loop.timers?.tick();
  const { priorityStep, priorityCeiling } = ctx.config.routing.deadEnds;
  const bump = { step: priorityStep, ceiling: priorityCeiling };
  const abandonment = {
    store,
    writer,
    clock,
    isCustomerConnected: (id: string) => hub.isCustomerConnected(id),
    onError: (error: unknown) => log.error({ err: error }, 'watching customer presence failed'),
  };
  const outbound = {
    store,
    bus,
    writer,
    adapters,
    clock,
    kick,
    onError: (error: unknown) => log.error({ err: error }, 'queueing an outbound message failed'),
  };
  const { url: webhookUrl, secret: webhookSecret } = ctx.config.webhooks;
  const webhooks =
    webhookUrl && webhookSecret
      ? {
          store,
          bus,
          writer,
          clock,
          url: webhookUrl,
          adapter: createApiAdapter({ secret: webhookSecret, webhookUrl, clock }),
          kick,
          onError: (error: unknown) => log.error({ err: error }, 'queueing a webhook failed'),
        }
      : undefined;
  const inbound = new ChannelInbound({
    store,
    bus,
    writer,
    service,
    clock,
    messageMaxChars: ctx.config.limits.messageMaxChars,
    adapters,
    kick,
    onError: (error) =>
      log.error({ err: error }, 'a channel event was stored, acting on it failed'),
  });
  const voiceConfig = ctx.config.channels.voice;
  const voice = voiceConfig
    ? new VoiceCalls({
        config: voiceConfig,
        store,
        writer,
        service,
        presence: hub,
        clock,
        messageMaxChars: ctx.config.limits.messageMaxChars,
      })
    : undefined;
  const agentCalls: VoiceAgentCallDeps | undefined = voiceConfig && {
    config: voiceConfig,
    store,
    bus,
    writer,
    clock,
    kick,
    onError: (error: unknown) => log.error({ err: error }, 'queueing a call to an agent failed'),
  };
  const emailConfig = ctx.config.channels.email;
  const email = emailConfig
    ? await startEmailChannel(emailConfig, {
        store,
        bus,
        writer,
        clock,
        inbound,
        kick,
        botName: ctx.config.bot.name,
        dnsResolver: ctx.dnsResolver,
        log,
      })
    : undefined;
  const timers = new TimerRunner({
    store,
    clock,
    intervalMs: ctx.config.timers.intervalMs,
    leaseMs: ctx.config.timers.leaseMs,
    handlers: {
      [SLA_TIMER]: handleSlaBreach({ store, writer, queues: ctx.queues.list, bump }),
      [SEND_TIMER]: handleChannelSend(outbound),
      [PASS_BACK_TIMER]: handlePassThreadBack(outbound),
      [TAKE_THREAD_TIMER]: handleTakeThreadControl({ ...outbound, service }),
      [OFFER_TIMER]: handleOfferExpiry({ store, writer, clock }),
      [INACTIVITY_TIMER]: handleInactivity(abandonment),
      [FOLLOW_UP_TIMER]: handleFollowUp({
        store,
        writer,
        clock,
        settings: service.waitingSettings,
      }),
      [BOT_SURVEY_TIMER]: handleBotSurvey({ store, writer, settings: service.waitingSettings }),
      [PROMISE_TIMER]: handlePromiseDue({
        store,
        writer,
        clock,
        settings: service.waitingSettings,
        team: () => teamAvailability(store, hub),
        handleMinutes: (q) => service.handleTimes.minutesFor(q),
      }),
      [REPLY_DUE_TIMER]: handleReplyDue({
        store,
        writer,
        clock,
        bump,
        teamName: (q, language) => ctx.queues.teamName(q, language),
      }),
      ...(webhooks ? { [WEBHOOK_TIMER]: handleOutgoingWebhook(webhooks) } : {}),
      ...(agentCalls ? { [VOICE_AGENT_CALL_TIMER]: handleAgentCall(agentCalls) } : {}),
      ...(agentCalls ? { [VOICE_CALL_BACK_TIMER]: handleCallBack(agentCalls) } : {}),
      ...email?.handlers,
    },
    reconcile: (id, fired) => writer.reconcile(id, fired),
    log,
  });
  loop.timers = timers;
  // Wait-estimate updates for queued customers (src/app/timers/estimate-updates.ts).
  const estimates = new EstimateUpdates({
    store,
    bus,
    writer,
    clock,
    presence: hub,
    settings: service.waitingSettings,
    handleTimes: service.handleTimes,
    onError: (error) => log.error({ err: error }, 'wait-estimate update failed'),
  });
  estimates.start(Math.min(ctx.config.routing.passIntervalMs, 10 * ctx.config.timers.intervalMs));
  // SQLite's search index is filled in batches off the message path (store migration 026); a
  // search catches up itself, and this keeps the batch it finds small.
  const searchIndexing = setInterval(() => {
    store.history
      .catchUpSearch()
      .catch((error: unknown) => log.error({ err: error }, 'indexing messages for search failed'));
  }, SEARCH_INDEX_INTERVAL_MS);
  searchIndexing.unref();
  const stopQueueing = queueOutboundMessages(outbound);
  const stopPassingBack = queuePassThreadBack(outbound);
  const stopWebhooks = webhooks ? queueOutgoingWebhooks(webhooks) : () => undefined;
  const stopAgentCalls = agentCalls ? queueAgentCalls(agentCalls) : () => undefined;
  hub.onCustomerPresence = watchCustomerPresence(abandonment);
  const channelTyping = new ChannelTyping({
    store,
    adapters,
    clock,
    onError: (error) => log.warn({ err: error }, 'showing typing in the channel failed'),
  });
  hub.onAgentTyping = (id) => channelTyping.forward(id);
  const receivers = new Map<string, WebhookReceiver>(adapters);
  if (email?.webhookEnabled) receivers.set('email', email.adapter);
  return {
    timers,
    webhookReceivers: receivers,
    inbound,
    voice,
    smtpPort: email?.smtp?.port,
    async stop() {
      clearInterval(searchIndexing);
      stopQueueing();
      stopPassingBack();
      stopWebhooks();
      stopAgentCalls();
      await email?.stop();
      await estimates.stop();
      service.handleTimes.close();
      await timers.stop();
    },
  };
}
